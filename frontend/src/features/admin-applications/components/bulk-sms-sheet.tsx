import { useState } from 'react';

import { BulkJobProgress } from '@/components/sms/bulk-job-progress';
import { MessageComposer } from '@/components/sms/message-composer';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Sheet } from '@/components/ui/sheet';
import { errorMessage } from '@/lib/errors';
import { LMS_MAX_BYTES, smsByteLength } from '@/lib/sms-bytes';

import { useBulkSmsToCustomers } from '../api/bulk-mutations';
import type { Selection } from '../hooks/use-list-selection';

/**
 * "일괄 문자": one message to the customers of the selected applications, as a bulk job (`manual_select` on
 * application ids: the server looks the numbers up, and a customer with several selected applications gets it
 * once). Confirmation first, then the job's live progress.
 */
export function BulkSmsSheet({ open, selection, onClose }: { open: boolean; selection: Selection; onClose: (sent: boolean) => void }) {
  const create = useBulkSmsToCustomers();
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const count = selection.size;
  const jobId = create.data?.id ?? null;

  const close = () => {
    const sent = jobId !== null;
    setTitle('');
    setMessage('');
    setConfirming(false);
    setFormError(null);
    create.reset();
    onClose(sent);
  };

  function review() {
    setFormError(null);
    if (!message.trim()) return setFormError('메시지를 입력해 주세요.');
    if (smsByteLength(message) > LMS_MAX_BYTES) return setFormError('메시지가 너무 깁니다.');
    if (count === 0) return setFormError('보낼 신청을 고르세요.');
    setConfirming(true);
  }

  function start() {
    create.mutate(
      { title: title.trim() || `신청 ${count}건 고객 문자`, message, applicationIds: [...selection.keys()] },
      { onError: () => setConfirming(false) },
    );
  }

  return (
    <Sheet
      open={open}
      onClose={close}
      title="일괄 문자"
      footer={
        jobId !== null ? (
          <Button className="w-full" size="lg" onClick={close}>
            닫기
          </Button>
        ) : confirming ? (
          <div className="flex gap-2">
            <Button variant="outline" className="flex-1" onClick={() => setConfirming(false)}>
              돌아가기
            </Button>
            <Button className="flex-1" loading={create.isPending} onClick={start}>
              {count}건 고객에게 발송
            </Button>
          </div>
        ) : (
          <Button className="w-full" size="lg" onClick={review}>
            확인하기
          </Button>
        )
      }
    >
      {jobId !== null ? (
        <BulkJobProgress jobId={jobId} />
      ) : confirming ? (
        <div className="flex flex-col gap-4">
          <Alert tone="warning" title="정말 보낼까요?">
            <p>
              선택한 신청 <strong>{count}건</strong>의 고객에게 아래 내용을 보냅니다. 같은 전화번호에는 한 번만 보내며, 보낸 문자는 되돌릴 수 없습니다.
            </p>
          </Alert>
          <p className="rounded-xl border border-slate-200 bg-slate-50 p-3 whitespace-pre-wrap">{message}</p>
        </div>
      ) : (
        <div className="flex flex-col gap-5">
          <p className="text-slate-700">
            선택한 신청 <strong>{count}건</strong>의 고객에게 문자를 보냅니다.
          </p>
          <label className="flex flex-col gap-2">
            <span className="font-semibold">
              작업 이름 <span className="text-sm font-normal text-slate-500">(선택, 문자 기록에 표시)</span>
            </span>
            <Input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={`신청 ${count}건 고객 문자`} maxLength={200} />
          </label>
          <MessageComposer value={message} onChange={setMessage} />
          {formError && (
            <Alert tone="error" live>
              {formError}
            </Alert>
          )}
          {create.error && (
            <Alert tone="error" live title="발송 작업을 만들지 못했습니다">
              {errorMessage(create.error)}
            </Alert>
          )}
        </div>
      )}
    </Sheet>
  );
}
