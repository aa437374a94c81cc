import { useQuery } from '@tanstack/react-query';

import type { BulkJobDetail } from '@/client/types.gen';
import { Badge } from '@/components/ui/badge';
import { isJobDone, JOB_STATUS_LABEL, smsSharedQueries } from '@/lib/sms';

/** Progress bar and counts of a bulk job (whoever shows it polls the job while it runs). */
export function BulkJobBar({ job }: { job: BulkJobDetail }) {
  const { progress } = job;
  const done = isJobDone(job);
  return (
    <div className="flex flex-col gap-3">
      <div
        className="h-4 w-full overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-label="발송 진행률"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress.percent)}
        aria-valuetext={`${progress.percent}% (전체 ${progress.total.toLocaleString()}건 중 성공 ${progress.sent.toLocaleString()}건, 실패 ${progress.failed.toLocaleString()}건)`}
      >
        <div className="h-full rounded-full bg-leaf-600 transition-all" style={{ width: `${progress.percent}%` }} />
      </div>
      <dl className="grid grid-cols-2 gap-2 text-center sm:grid-cols-5">
        {(
          [
            ['전체', progress.total],
            ['대기', progress.queued],
            ['성공', progress.sent],
            ['실패', progress.failed],
            ['취소', progress.cancelled],
          ] as const
        ).map(([label, n]) => (
          <div key={label} className="rounded-xl bg-slate-50 p-3 last:col-span-2 sm:last:col-span-1">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-xl font-bold tabular-nums">{n.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {!done && <p className="text-sm text-slate-600">2초마다 새로 고칩니다. 화면을 떠나도 발송은 계속됩니다.</p>}
      {job.status === 'cancelled' && <p className="text-sm text-slate-600">취소된 작업입니다. 남은 문자는 보내지 않습니다.</p>}
    </div>
  );
}

/** Live progress of a bulk job with its failures: polled every 2 s by `smsSharedQueries.bulkJob` until it is done. */
export function BulkJobProgress({ jobId }: { jobId: number }) {
  const job = useQuery(smsSharedQueries.bulkJob(jobId));
  if (!job.data) return <p className="text-slate-600">진행 상황을 불러오는 중…</p>;
  const { status, failures } = job.data;
  const done = isJobDone(job.data);
  return (
    <div className="flex flex-col gap-4" aria-live="polite">
      <div className="flex items-center justify-between">
        <p className="text-lg font-bold">{job.data.title}</p>
        <Badge tone={done ? (status === 'completed' ? 'success' : 'danger') : 'info'}>{JOB_STATUS_LABEL[status] ?? status}</Badge>
      </div>
      <BulkJobBar job={job.data} />
      {failures.length > 0 && (
        <div>
          <p className="mb-2 font-semibold">실패한 수신자</p>
          <ul className="flex flex-col gap-1 text-sm">
            {failures.map((f) => (
              <li key={f.id} className="rounded-lg bg-red-50 px-3 py-2 text-red-800">
                {f.recipient_masked} · {f.result_message ?? f.result_code ?? '알 수 없는 오류'}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
