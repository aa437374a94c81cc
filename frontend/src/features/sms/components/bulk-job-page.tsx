import { ArrowLeft, Ban } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';

import { BulkJobBar } from '@/components/sms/bulk-job-progress';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Spinner } from '@/components/ui/spinner';
import { formatKoreanDateTime } from '@/lib/dates';
import { errorMessage } from '@/lib/errors';

import { isJobDone } from '../api/sms-queries';
import { useBulkJob, useCancelBulkJob } from '../hooks/use-sms';
import { JOB_TARGET_LABEL, jobStatus, statusLabel } from '../labels';

/** "취소" behind a confirmation; the status flips at once and comes back with a toast if the server refuses. */
function CancelJobButton({ jobId, title }: { jobId: number; title: string }) {
  const [open, setOpen] = useState(false);
  const cancel = useCancelBulkJob();
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        <Ban className="size-5" aria-hidden="true" />
        취소
      </Button>
      <ConfirmDialog
        open={open}
        title="대량 발송 취소"
        confirmLabel="발송 취소하기"
        tone="danger"
        onClose={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          cancel.mutate(jobId);
        }}
      >
        <p>
          <strong>{title}</strong> 발송을 멈출까요? 아직 보내지 않은 문자는 보내지 않습니다. 이미 보낸 문자는 되돌릴 수 없습니다.
        </p>
      </ConfirmDialog>
    </>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-base text-slate-900">{children}</dd>
    </div>
  );
}

/** `/admin/sms/bulk/:id`: one bulk job with live progress (polled while it runs), its message, failures and 취소. */
export function BulkJobPage({ id }: { id: number }) {
  const job = useBulkJob(id);
  const data = job.data;
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <Link to="/admin/sms/bulk" className={buttonClasses('ghost', 'md', 'self-start')}>
        <ArrowLeft className="size-5" aria-hidden="true" />
        대량 발송 내역으로
      </Link>
      {job.isPending ? (
        <Spinner />
      ) : job.isError ? (
        <Alert tone="error" live>
          {errorMessage(job.error)}
        </Alert>
      ) : data ? (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="min-w-0 flex-1 text-2xl font-bold break-words">{data.title}</h2>
            <span aria-live="polite">
              <Badge tone={jobStatus(data.status).tone} className="text-base">
                {jobStatus(data.status).label}
              </Badge>
            </span>
            {!isJobDone(data) && <CancelJobButton jobId={data.id} title={data.title} />}
          </div>
          <Card className="flex flex-col gap-4">
            <h3 className="text-lg font-bold">진행 상황</h3>
            <BulkJobBar job={data} />
          </Card>
          <Card className="flex flex-col gap-4">
            <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
              <Meta label="대상">
                {JOB_TARGET_LABEL[data.target_type] ?? data.target_type}
                {data.target_filter?.status ? ` · ${statusLabel(String(data.target_filter.status))}` : ''}
                {data.target_ids ? ` · 직접 고른 ${data.target_ids.length.toLocaleString()}명` : ''}
              </Meta>
              <Meta label="만든 사람">{data.created_by_name ?? '알 수 없음'}</Meta>
              <Meta label="만든 시각">{formatKoreanDateTime(data.created_at)}</Meta>
              {data.started_at && <Meta label="시작">{formatKoreanDateTime(data.started_at)}</Meta>}
              {data.completed_at && <Meta label="끝남">{formatKoreanDateTime(data.completed_at)}</Meta>}
              {data.cancelled_at && <Meta label="취소">{formatKoreanDateTime(data.cancelled_at)}</Meta>}
            </dl>
            <div>
              <p className="mb-1 text-sm text-slate-600">보낸 내용{data.is_advertisement ? ' (광고)' : ''}</p>
              <p className="rounded-xl bg-slate-50 p-3 break-words whitespace-pre-wrap">{data.message}</p>
            </div>
          </Card>
          {data.failures.length > 0 && (
            <Card className="flex flex-col gap-2">
              <h3 className="text-lg font-bold">실패한 수신자</h3>
              <ul className="flex flex-col gap-1 text-base">
                {data.failures.map((f) => (
                  <li key={f.id} className="rounded-lg bg-red-50 px-3 py-2 text-red-800">
                    {f.recipient_masked} · {f.result_message ?? f.result_code ?? '알 수 없는 오류'}
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </>
      ) : null}
    </div>
  );
}
