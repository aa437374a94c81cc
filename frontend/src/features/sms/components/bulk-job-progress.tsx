import type { BulkJobDetail } from '@/client/types.gen';

import { isJobDone } from '../api/sms-queries';

/** Progress bar and counts of a bulk job (the data is polled by `smsQueries.bulkJob` while the job runs). */
export function BulkJobProgress({ job }: { job: BulkJobDetail }) {
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
