import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';

import type { BulkJobCreate, RecipientItem } from '@/client/types.gen';
import { MessageComposer } from '@/components/sms/message-composer';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Input, Select } from '@/components/ui/input';
import { Sheet } from '@/components/ui/sheet';
import { cn } from '@/lib/cn';
import { errorMessage } from '@/lib/errors';

import { smsQueries } from '../api/sms-queries';
import { useCreateBulkJob } from '../hooks/use-sms';
import { APPLICATION_STATUS_OPTIONS, PARTNER_STATUS_OPTIONS } from '../labels';

import { RecipientPicker } from './recipient-picker';

type Mode = 'filter' | 'manual';

/** "복수 발송": target type, status filter or manual selection, advertisement flag, confirmation; lands on the job. */
export function BulkSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [targetType, setTargetType] = useState<'customer' | 'partner'>('customer');
  const [mode, setMode] = useState<Mode>('filter');
  const [status, setStatus] = useState('');
  const [selected, setSelected] = useState<Map<number, RecipientItem>>(new Map());
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState('');
  const [ad, setAd] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateBulkJob();
  const navigate = useNavigate();

  // How many the filter reaches: the recipients endpoint's total for the same status.
  const reach = useQuery({
    ...smsQueries.recipients({ target_type: targetType, status: status || undefined, page: 1 }),
    enabled: open && mode === 'filter',
  });
  const count = mode === 'manual' ? selected.size : (reach.data?.total ?? 0);

  const reset = () => {
    setMode('filter');
    setStatus('');
    setSelected(new Map());
    setTitle('');
    setMessage('');
    setAd(false);
    setConfirming(false);
    setFormError(null);
    create.reset();
  };

  const body = (): BulkJobCreate => ({
    title: title.trim(),
    job_type: mode === 'manual' ? 'manual_select' : status ? 'status_notify' : 'announcement',
    target_type: targetType,
    target_filter: mode === 'filter' && status ? { status } : null,
    target_ids: mode === 'manual' ? [...selected.keys()] : null,
    message,
    is_advertisement: ad,
  });

  function review() {
    setFormError(null);
    if (!title.trim()) return setFormError('작업 이름을 입력해 주세요.');
    if (!message.trim()) return setFormError('메시지를 입력해 주세요.');
    if (count === 0) return setFormError('보낼 대상이 없습니다.');
    setConfirming(true);
  }

  async function start() {
    try {
      const job = await create.mutateAsync(body());
      close();
      // The job's own page shows its live progress and can cancel it.
      void navigate(`/admin/sms/bulk/${job.id}`);
    } catch {
      setConfirming(false);
    }
  }

  const statusOptions = targetType === 'customer' ? APPLICATION_STATUS_OPTIONS : PARTNER_STATUS_OPTIONS;
  const close = () => {
    reset();
    onClose();
  };

  return (
    <Sheet
      open={open}
      onClose={close}
      title="복수 발송"
      footer={
        confirming ? (
          <div className="flex gap-2">
            <Button variant="outline" className="flex-1" onClick={() => setConfirming(false)}>
              돌아가기
            </Button>
            <Button className="flex-1" loading={create.isPending} onClick={() => void start()}>
              {count.toLocaleString()}명에게 발송
            </Button>
          </div>
        ) : (
          <Button className="w-full" size="lg" onClick={review}>
            확인하기
          </Button>
        )
      }
    >
      {confirming ? (
        <div className="flex flex-col gap-4">
          <Alert tone="warning" title="정말 보낼까요?">
            <p>
              {targetType === 'customer' ? '고객' : '협력사'} <strong>{count.toLocaleString()}명</strong>에게 아래 내용을 보냅니다. 보낸 문자는 되돌릴 수 없습니다.
            </p>
            {ad && <p>광고 문자: 앞에 (광고)와 회사 이름, 끝에 수신거부 번호가 붙습니다. 21시~8시에는 보낼 수 없습니다.</p>}
          </Alert>
          <div className="rounded-xl border border-slate-200 bg-slate-50 p-3">
            <p className="font-semibold">{title}</p>
            <p className="mt-2 whitespace-pre-wrap">{message}</p>
          </div>
        </div>
      ) : (
        <div className="flex flex-col gap-5">
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 font-semibold">대상</legend>
            <div className="grid grid-cols-2 gap-2">
              {(['customer', 'partner'] as const).map((t) => (
                <button
                  key={t}
                  type="button"
                  aria-pressed={targetType === t}
                  onClick={() => {
                    setTargetType(t);
                    setStatus('');
                    setSelected(new Map());
                  }}
                  className={cn('min-h-12 rounded-xl border-2 font-semibold', targetType === t ? 'border-brand-700 bg-brand-50 text-brand-800' : 'border-slate-300')}
                >
                  {t === 'customer' ? '고객' : '협력사'}
                </button>
              ))}
            </div>
          </fieldset>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 font-semibold">고르는 방법</legend>
            <div className="grid grid-cols-2 gap-2">
              {(
                [
                  ['filter', '상태로 고르기'],
                  ['manual', '직접 고르기'],
                ] as const
              ).map(([m, label]) => (
                <button
                  key={m}
                  type="button"
                  aria-pressed={mode === m}
                  onClick={() => setMode(m)}
                  className={cn('min-h-12 rounded-xl border-2 font-semibold', mode === m ? 'border-brand-700 bg-brand-50 text-brand-800' : 'border-slate-300')}
                >
                  {label}
                </button>
              ))}
            </div>
          </fieldset>
          {mode === 'filter' ? (
            <label className="flex flex-col gap-2">
              <span className="font-semibold">상태</span>
              <Select value={status} onChange={(e) => setStatus(e.target.value)}>
                <option value="">전체</option>
                {statusOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
              <span className="text-slate-700" aria-live="polite">
                대상 {reach.isPending ? '…' : `${count.toLocaleString()}명`}
              </span>
            </label>
          ) : (
            <RecipientPicker
              targetType={targetType}
              selected={selected}
              onToggle={(item) =>
                setSelected((prev) => {
                  const next = new Map(prev);
                  if (next.has(item.id)) next.delete(item.id);
                  else next.set(item.id, item);
                  return next;
                })
              }
            />
          )}
          <label className="flex flex-col gap-2">
            <span className="font-semibold">작업 이름</span>
            <Input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="예) 12월 제설 서비스 안내" maxLength={200} />
          </label>
          <MessageComposer value={message} onChange={setMessage} />
          <Checkbox
            checked={ad}
            onChange={(e) => setAd(e.target.checked)}
            label="광고 문자입니다"
            description="(광고) 표시와 수신거부 번호가 자동으로 붙고, 밤 9시부터 아침 8시까지는 보낼 수 없습니다."
          />
          {formError && (
            <Alert tone="error" live>
              {formError}
            </Alert>
          )}
          {create.error && (
            <Alert tone="error" live title="작업을 만들지 못했습니다">
              {errorMessage(create.error)}
            </Alert>
          )}
        </div>
      )}
    </Sheet>
  );
}
