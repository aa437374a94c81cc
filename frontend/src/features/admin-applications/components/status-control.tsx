import { useId, useState } from 'react';

import type { ApplicationDetail, ApplicationStatus } from '@/client/types.gen';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { cn } from '@/lib/cn';
import { applicationStatusLabel } from '@/lib/status';

import { useUpdateApplicationStatus } from '../api/application-mutations';
import { withRo } from '@/lib/korean';

export const CANCEL_REASONS = ['고객 요청', '일정 조율 불가', '서비스 범위 초과', '협력사 배정 불가', '중복 신청', '기타'] as const;

/** The customer gets a message for these moves only (reference §3.1). */
export function smsApplies(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return (from === 'new' && to === 'consulting') || to === 'scheduled' || to === 'completed' || to === 'cancelled';
}

/** Leaving a final state (reopen) needs a reason. */
export function reasonRequired(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return to === 'cancelled' || from === 'cancelled' || from === 'completed';
}

const SMS_TEXT: Partial<Record<ApplicationStatus, string>> = {
  consulting: '고객에게 상담 시작 안내 문자를 보냅니다.',
  scheduled: '고객에게 일정 확정 안내 문자를 보냅니다.',
  completed: '고객에게 작업 완료 안내 문자를 보냅니다.',
  cancelled: '고객에게 취소 안내 문자를 보냅니다.',
};

function ConfirmStatusForm({ app, to, onDone }: { app: ApplicationDetail; to: ApplicationStatus; onDone: () => void }) {
  const mutation = useUpdateApplicationStatus(app.id);
  const withSms = smsApplies(app.status, to);
  const needReason = reasonRequired(app.status, to);
  const isCancel = to === 'cancelled';
  const [sendSms, setSendSms] = useState(withSms);
  const [choice, setChoice] = useState<string>(isCancel ? '' : '기타');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const submit = () => {
    let reason: string | null = null;
    if (needReason) {
      if (isCancel && !choice) return setError('취소 사유를 골라 주세요.');
      const free = text.trim();
      if ((!isCancel || choice === '기타') && !free) return setError('사유를 적어 주세요.');
      reason = isCancel ? (choice === '기타' ? free : free ? `${choice} - ${free}` : choice) : free;
    }
    // Optimistic: the dialog closes at once; a failure rolls back and shows a toast.
    mutation.mutate({ status: to, reason, sendSms: withSms && sendSms, version: app.version });
    onDone();
  };

  return (
    <div className="flex flex-col gap-4">
      <p className="text-lg">
        <strong>{app.status_label}</strong> → <strong className="text-brand-700">{applicationStatusLabel(to)}</strong>{withRo(applicationStatusLabel(to)).slice(applicationStatusLabel(to).length)} 바꿉니다.
      </p>
      {isCancel && (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 font-semibold">취소 사유</legend>
          {CANCEL_REASONS.map((r) => (
            <label key={r} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 hover:bg-slate-50">
              <input type="radio" name={`${id}-reason`} value={r} checked={choice === r} onChange={() => setChoice(r)} className="size-5 accent-brand-700" />
              {r}
            </label>
          ))}
        </fieldset>
      )}
      {needReason && (
        <label className="flex flex-col gap-1.5 font-semibold">
          {isCancel ? (choice === '기타' ? '사유 (필수)' : '추가 설명 (선택)') : '사유 (필수)'}
          <textarea
            value={text}
            maxLength={500}
            onChange={(e) => setText(e.target.value)}
            className="min-h-24 rounded-xl border-2 border-slate-300 p-3 font-normal focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none"
          />
        </label>
      )}
      {withSms && (
        <Checkbox label="고객에게 문자 보내기" description={SMS_TEXT[to]} checked={sendSms} onChange={(e) => setSendSms(e.target.checked)} />
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
        <Button variant={isCancel ? 'danger' : 'primary'} onClick={submit}>
          {isCancel ? '신청 취소' : '상태 변경'}
        </Button>
      </div>
    </div>
  );
}

/** Status buttons for the transitions the API allows, each behind a confirmation dialog. */
export function StatusControl({ app }: { app: ApplicationDetail }) {
  const [target, setTarget] = useState<ApplicationStatus | null>(null);
  const moves = app.allowed_transitions.filter((s) => s !== 'cancelled');
  const canCancel = app.allowed_transitions.includes('cancelled');
  return (
    <div className="flex flex-wrap items-center gap-2">
      {moves.length === 0 && !canCancel && <span className="text-sm text-slate-600">바꿀 수 있는 상태가 없습니다.</span>}
      {moves.map((s) => (
        <Button key={s} size="sm" variant="outline" onClick={() => setTarget(s)} className={cn('min-h-11')}>
          {app.status === 'cancelled' || app.status === 'completed' ? `${withRo(applicationStatusLabel(s))} 되돌리기` : `${withRo(applicationStatusLabel(s))} 변경`}
        </Button>
      ))}
      {canCancel && (
        <Button size="sm" variant="ghost" className="min-h-11 text-red-700!" onClick={() => setTarget('cancelled')}>
          신청 취소
        </Button>
      )}
      <Dialog open={target !== null} onClose={() => setTarget(null)} title={target === 'cancelled' ? '신청 취소' : '상태 변경'}>
        {target && <ConfirmStatusForm app={app} to={target} onDone={() => setTarget(null)} />}
      </Dialog>
    </div>
  );
}
