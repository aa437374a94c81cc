import { ArrowLeft, ChevronRight, Users } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';

import type { BulkJobRead } from '@/client/types.gen';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Select } from '@/components/ui/input';
import { Pagination } from '@/components/ui/pagination';
import { Spinner } from '@/components/ui/spinner';
import { formatKoreanDateTime } from '@/lib/dates';
import { errorMessage } from '@/lib/errors';

import { useBulkJobs } from '../hooks/use-sms';
import { JOB_STATUS_LABEL, JOB_TARGET_LABEL, jobStatus } from '../labels';

function Counts({ job }: { job: BulkJobRead }) {
  const { sent, failed, total } = job.progress;
  return (
    <span className="whitespace-nowrap tabular-nums" aria-label={`성공 ${sent}건, 실패 ${failed}건, 전체 ${total}건`}>
      <span className="text-leaf-700">{sent.toLocaleString()}</span>
      {' / '}
      <span className={failed ? 'font-semibold text-red-700' : 'text-slate-600'}>{failed.toLocaleString()}</span>
      {' / '}
      {total.toLocaleString()}
    </span>
  );
}

function MiniBar({ percent }: { percent: number }) {
  return (
    <div className="h-2 w-full min-w-16 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
      <div className="h-full rounded-full bg-leaf-600" style={{ width: `${percent}%` }} />
    </div>
  );
}

/** `/admin/sms/bulk`: bulk jobs, newest first, with status and progress; running ones refresh by themselves. */
export function BulkJobsPage() {
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState('');
  const jobs = useBulkJobs({ page, status: status || undefined });
  const items = jobs.data?.items ?? [];

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <Link to="/admin/sms" className={buttonClasses('ghost', 'md', 'self-start')}>
        <ArrowLeft className="size-5" aria-hidden="true" />
        문자 관리로
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-2xl font-bold">대량 발송 내역</h2>
        <label className="flex items-center gap-2">
          <span className="font-semibold">상태</span>
          <Select
            className="min-h-12! w-40 text-base!"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setPage(1);
            }}
          >
            <option value="">전체</option>
            {Object.entries(JOB_STATUS_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </label>
      </div>
      <Card className="flex flex-col gap-4 p-4">
        {jobs.isPending ? (
          <Spinner />
        ) : jobs.isError ? (
          <Alert tone="error" live>
            {errorMessage(jobs.error)}
          </Alert>
        ) : items.length === 0 ? (
          <EmptyState icon={Users} title="대량 발송 내역이 없습니다">
            문자 관리 화면의 &lsquo;복수 발송&rsquo;으로 여러 명에게 한 번에 보낼 수 있습니다.
          </EmptyState>
        ) : (
          <>
            <div className="hidden overflow-x-auto md:block">
              <table className="w-full text-left">
                <caption className="sr-only">대량 발송 내역</caption>
                <thead className="border-b border-slate-200 text-sm text-slate-600">
                  <tr>
                    <th scope="col" className="px-3 py-2">작업</th>
                    <th scope="col" className="px-3 py-2">대상</th>
                    <th scope="col" className="px-3 py-2">상태</th>
                    <th scope="col" className="px-3 py-2">진행 (성공 / 실패 / 전체)</th>
                    <th scope="col" className="px-3 py-2">만든 사람</th>
                    <th scope="col" className="px-3 py-2">만든 시각</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {items.map((job) => (
                    <tr key={job.id} className="hover:bg-slate-50">
                      <td className="px-3 py-3">
                        <Link to={`/admin/sms/bulk/${job.id}`} className="font-semibold text-brand-700 hover:underline">
                          {job.title}
                        </Link>
                      </td>
                      <td className="px-3 py-3 whitespace-nowrap">{JOB_TARGET_LABEL[job.target_type] ?? job.target_type}</td>
                      <td className="px-3 py-3">
                        <Badge tone={jobStatus(job.status).tone}>{jobStatus(job.status).label}</Badge>
                      </td>
                      <td className="px-3 py-3">
                        <div className="flex flex-col gap-1">
                          <Counts job={job} />
                          <MiniBar percent={job.progress.percent} />
                        </div>
                      </td>
                      <td className="px-3 py-3 whitespace-nowrap">{job.created_by_name ?? '–'}</td>
                      <td className="px-3 py-3 text-sm whitespace-nowrap text-slate-600">{formatKoreanDateTime(job.created_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ul className="-mx-4 divide-y divide-slate-100 md:hidden" aria-label="대량 발송 내역">
              {items.map((job) => (
                <li key={job.id}>
                  <Link to={`/admin/sms/bulk/${job.id}`} className="flex items-center gap-3 p-4 hover:bg-slate-50">
                    <div className="flex min-w-0 flex-1 flex-col gap-2">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-semibold break-words">{job.title}</span>
                        <Badge tone={jobStatus(job.status).tone}>{jobStatus(job.status).label}</Badge>
                      </div>
                      <div className="flex items-center gap-3 text-sm">
                        <Counts job={job} />
                        <MiniBar percent={job.progress.percent} />
                      </div>
                      <span className="text-sm text-slate-600">
                        {JOB_TARGET_LABEL[job.target_type] ?? job.target_type} · {job.created_by_name ?? '–'} · {formatKoreanDateTime(job.created_at)}
                      </span>
                    </div>
                    <ChevronRight className="size-5 shrink-0 text-slate-400" aria-hidden="true" />
                  </Link>
                </li>
              ))}
            </ul>
            <Pagination page={page} totalPages={jobs.data?.total_pages ?? 1} onChange={setPage} />
          </>
        )}
      </Card>
    </div>
  );
}
