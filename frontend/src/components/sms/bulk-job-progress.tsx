import { useQuery } from '@tanstack/react-query';

import { Badge } from '@/components/ui/badge';
import { isJobDone, JOB_STATUS_LABEL, smsSharedQueries } from '@/lib/sms';

/** Live progress of a bulk job: polled every 2 s by `smsSharedQueries.bulkJob` until it is done. */
export function BulkJobProgress({ jobId }: { jobId: number }) {
  const job = useQuery(smsSharedQueries.bulkJob(jobId));
  if (!job.data) return <p className="text-slate-600">진행 상황을 불러오는 중…</p>;
  const { progress, status, failures } = job.data;
  const done = isJobDone(job.data);
  return (
    <div className="flex flex-col gap-4" aria-live="polite">
      <div className="flex items-center justify-between">
        <p className="text-lg font-bold">{job.data.title}</p>
        <Badge tone={done ? (status === 'completed' ? 'success' : 'danger') : 'info'}>{JOB_STATUS_LABEL[status] ?? status}</Badge>
      </div>
      <div
        className="h-4 w-full overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-label="발송 진행률"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress.percent)}
      >
        <div className="h-full rounded-full bg-leaf-600 transition-all" style={{ width: `${progress.percent}%` }} />
      </div>
      <dl className="grid grid-cols-2 gap-2 text-center sm:grid-cols-4">
        {[
          ['전체', progress.total],
          ['대기', progress.queued],
          ['성공', progress.sent],
          ['실패', progress.failed],
        ].map(([label, n]) => (
          <div key={label} className="rounded-xl bg-slate-50 p-3">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-xl font-bold">{Number(n).toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {!done && <p className="text-sm text-slate-600">2초마다 새로 고칩니다. 창을 닫아도 발송은 계속됩니다.</p>}
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
