import { useState } from 'react';

import type { PartnerStatus } from '@/client/types.gen';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { cn } from '@/lib/cn';
import { partnerStatusLabel } from '@/lib/status';

import { useChangePartnerStatus } from '../api/partner-mutations';

const REASON_REQUIRED: PartnerStatus[] = ['rejected', 'suspended'];
const SMS_STATUSES: PartnerStatus[] = ['approved', 'rejected'];

const ACTION: Record<PartnerStatus, { verb: string; text: string }> = {
  approved: { verb: '승인', text: '승인하면 이 협력사에 작업을 배정할 수 있습니다.' },
  rejected: { verb: '거절', text: '거절 사유는 협력사 기록에 남고, 문자에도 담깁니다.' },
  suspended: { verb: '일시중지', text: '일시중지하는 동안에는 새 작업을 배정할 수 없습니다.' },
  inactive: { verb: '비활성', text: '비활성으로 바꾸면 새 작업을 배정할 수 없습니다.' },
  pending: { verb: '대기로 되돌리기', text: '다시 검토할 수 있도록 대기 상태로 되돌립니다.' },
};

export interface PartnerStatusTarget {
  partnerId: number;
  companyName: string;
  version: number;
  current: PartnerStatus;
  choices: PartnerStatus[];
}

function StatusForm({ target, onDone }: { target: PartnerStatusTarget; onDone: () => void }) {
  const change = useChangePartnerStatus();
  const [status, setStatus] = useState<PartnerStatus>(target.choices[0]!);
  const [reason, setReason] = useState('');
  const [sendSms, setSendSms] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const needReason = REASON_REQUIRED.includes(status);
  const sms = SMS_STATUSES.includes(status);

  const submit = () => {
    if (needReason && !reason.trim()) return setError('사유를 적어 주세요.');
    change.mutate({
      partnerId: target.partnerId,
      status,
      reason: reason.trim() || null,
      sendSms: sms && sendSms,
      version: target.version,
    });
    onDone();
  };

  return (
    <div className="flex flex-col gap-4">
      <p>
        <strong>{target.companyName}</strong> · 현재 <strong>{partnerStatusLabel(target.current)}</strong>
      </p>
      {target.choices.length > 1 && (
        <div role="radiogroup" aria-label="바꿀 상태" className="grid grid-cols-2 gap-2">
          {target.choices.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={status === c}
              onClick={() => {
                setStatus(c);
                setError(null);
              }}
              className={cn(
                'min-h-12 rounded-xl border-2 px-3 font-semibold',
                status === c ? (c === 'rejected' || c === 'suspended' ? 'border-red-600 bg-red-50 text-red-800' : 'border-brand-600 bg-brand-50 text-brand-800') : 'border-slate-300',
              )}
            >
              {ACTION[c].verb}
            </button>
          ))}
        </div>
      )}
      <p className="text-slate-700">{ACTION[status].text}</p>
      <label className="flex flex-col gap-1.5 font-semibold">
        사유 {needReason ? '(필수)' : '(선택)'}
        <textarea
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          className="min-h-24 rounded-xl border-2 border-slate-300 p-3 font-normal focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none"
        />
      </label>
      {sms && (
        <Checkbox
          label="협력사에 문자 보내기"
          description={status === 'approved' ? '승인 안내 문자를 보냅니다.' : '거절 안내 문자를 보냅니다.'}
          checked={sendSms}
          onChange={(e) => setSendSms(e.target.checked)}
        />
      )}
      {error && (
        <p role="alert" className="font-semibold text-red-700">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="outline" onClick={onDone}>
          닫기
        </Button>
        <Button variant={status === 'rejected' || status === 'suspended' ? 'danger' : 'primary'} onClick={submit}>
          {ACTION[status].verb}
        </Button>
      </div>
    </div>
  );
}

/** Status change with reason and SMS toggle; offers only the transitions given. */
export function PartnerStatusDialog({ target, onClose }: { target: PartnerStatusTarget | null; onClose: () => void }) {
  return (
    <Dialog open={target !== null} onClose={onClose} title="협력사 상태 변경">
      {target && <StatusForm target={target} onDone={onClose} />}
    </Dialog>
  );
}
