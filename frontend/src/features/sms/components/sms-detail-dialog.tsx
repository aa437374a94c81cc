import { useQuery } from '@tanstack/react-query';

import { Badge } from '@/components/ui/badge';
import { Dialog } from '@/components/ui/dialog';
import { Spinner } from '@/components/ui/spinner';
import { formatKoreanDateTime } from '@/lib/dates';
import { errorMessage } from '@/lib/errors';
import { formatPhone } from '@/lib/phone';

import { smsQueries } from '../api/sms-queries';
import { RECIPIENT_KIND_LABEL, STATUS_LABEL, TRIGGER_LABEL, TYPE_LABEL } from '../labels';

/** One message with the full number (the server audits this view). */
export function SmsDetailDialog({ id, onClose }: { id: number | null; onClose: () => void }) {
  const query = useQuery({ ...smsQueries.detail(id ?? 0), enabled: id !== null && id > 0 });
  const m = query.data;
  return (
    <Dialog open={id !== null} onClose={onClose} title="문자 상세">
      {query.isPending ? (
        <Spinner />
      ) : query.isError ? (
        <p role="alert" className="text-red-700">
          {errorMessage(query.error)}
        </p>
      ) : m ? (
        <div className="flex flex-col gap-4">
          <div className="flex flex-wrap gap-2">
            <Badge tone={STATUS_LABEL[m.status].tone}>{STATUS_LABEL[m.status].label}</Badge>
            <Badge tone={TRIGGER_LABEL[m.trigger].tone}>{TRIGGER_LABEL[m.trigger].label}</Badge>
            <Badge>{TYPE_LABEL[m.message_type]}</Badge>
          </div>
          <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-2">
            <dt className="text-slate-600">받는 분</dt>
            <dd className="font-semibold">
              {formatPhone(m.recipient)} <span className="text-sm font-normal text-slate-600">({RECIPIENT_KIND_LABEL[m.recipient_kind] ?? m.recipient_kind})</span>
            </dd>
            <dt className="text-slate-600">등록</dt>
            <dd>{formatKoreanDateTime(m.created_at)}</dd>
            <dt className="text-slate-600">발송</dt>
            <dd>{m.sent_at ? formatKoreanDateTime(m.sent_at) : '-'}</dd>
            {m.template_key && (
              <>
                <dt className="text-slate-600">템플릿</dt>
                <dd className="break-all">{m.template_key}</dd>
              </>
            )}
            <dt className="text-slate-600">시도</dt>
            <dd>{m.attempts}회</dd>
            {(m.result_code || m.result_message) && (
              <>
                <dt className="text-slate-600">결과</dt>
                <dd>
                  {m.result_message} {m.result_code && <span className="text-sm text-slate-500">({m.result_code})</span>}
                </dd>
              </>
            )}
            {m.image_file_ids.length > 0 && (
              <>
                <dt className="text-slate-600">사진</dt>
                <dd>{m.image_file_ids.length}장 첨부</dd>
              </>
            )}
          </dl>
          {m.subject && <p className="font-semibold">{m.subject}</p>}
          <p className="rounded-xl bg-slate-50 p-3 break-words whitespace-pre-wrap">{m.text}</p>
        </div>
      ) : null}
    </Dialog>
  );
}
