import { useQuery } from '@tanstack/react-query';
import { Inbox } from 'lucide-react';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';

import type { ApplicationListItem, ApplicationStatus, CategoryWithServices } from '@/client/types.gen';
import { StatCard } from '@/components/admin/stat-card';
import { StatusChip } from '@/components/admin/status-chip';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/cn';
import { errorMessage } from '@/lib/errors';
import { formatDate, formatDateTime, formatTime } from '@/lib/format';
import { APPLICATION_STATUS, applicationStatusLabel } from '@/lib/status';

import { applicationQueries, PAGE_SIZE } from '../api/application-queries';
import { useApplicationFilters } from '../hooks/use-application-filters';
import { useApplications, useApplicationsPagePrefetch } from '../hooks/use-applications';

import { FilterChips, FilterPanel } from './filter-panel';
import { SearchBox } from './search-box';

const CARD_STATUSES: ApplicationStatus[] = ['new', 'consulting', 'assigned', 'scheduled', 'completed', 'cancelled'];

const ROW_TINT: Partial<Record<ApplicationStatus, string>> = {
  new: 'bg-brand-50/60',
  cancelled: 'text-slate-500',
};

function Partners({ item }: { item: ApplicationListItem }) {
  const live = item.partners.filter((p) => p.assignment_status !== 'cancelled');
  if (live.length === 0) return <span className="text-slate-500">미배정</span>;
  return (
    <span className="flex flex-col">
      {live.map((p) => (
        <span key={`${p.partner_id}-${p.scheduled_date ?? ''}`} className="flex flex-wrap items-baseline gap-x-1">
          <span className="break-keep">{p.company_name}</span>
          {p.scheduled_date && <span className="text-sm whitespace-nowrap text-slate-500">{formatDate(p.scheduled_date).slice(5)}</span>}
        </span>
      ))}
    </span>
  );
}

function Services({ item }: { item: ApplicationListItem }) {
  const shown = item.services.slice(0, 2).map((s) => s.name).join(', ');
  const more = item.services.length - 2;
  return (
    <span>
      {shown}
      {more > 0 && <span className="text-slate-500"> 외 {more}건</span>}
    </span>
  );
}

/** The applications list screen (`/admin/applications`). Reference data comes in as props from the app layer. */
export function ApplicationsListView({ categories }: { categories: CategoryWithServices[] }) {
  const navigate = useNavigate();
  const { filters, update, reset } = useApplicationFilters();
  const list = useApplications(filters);
  const prefetchPage = useApplicationsPagePrefetch(filters);
  const partners = useQuery(applicationQueries.approvedPartners());

  const serviceNames = useMemo(() => {
    const map = new Map<string, string>();
    for (const c of categories) for (const s of c.services) map.set(s.code, s.name);
    return map;
  }, [categories]);

  const data = list.data;
  const counts = data?.counts;
  const page = filters.page ?? 1;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <section aria-label="상태별 신청 수" className="grid grid-cols-4 gap-2 sm:grid-cols-4 xl:grid-cols-7">
        <StatCard label="전체" value={counts?.total ?? '-'} active={!filters.status} onClick={() => update({ status: undefined })} compact />
        {CARD_STATUSES.map((s) => (
          <StatCard
            key={s}
            label={APPLICATION_STATUS[s].label}
            value={counts?.[s] ?? '-'}
            active={filters.status === s}
            onClick={() => update({ status: filters.status === s ? undefined : s })}
            compact
          />
        ))}
      </section>

      <SearchBox value={filters.search ?? ''} onSearch={(text) => update({ search: text || undefined })} />
      <FilterPanel filters={filters} categories={categories} partners={partners.data ?? []} onChange={update} />
      <FilterChips
        filters={filters}
        serviceName={(code) => serviceNames.get(code) ?? code}
        partnerName={(id) => partners.data?.find((p) => p.id === id)?.company_name ?? `#${id}`}
        statusLabel={applicationStatusLabel}
        onChange={update}
        onReset={reset}
      />

      <div className="flex items-center justify-between gap-2">
        <p className="text-base text-slate-700" aria-live="polite">
          {data ? (
            <>
              <strong className="tabular-nums">{data.total.toLocaleString('ko-KR')}</strong>건
              {data.total > 0 && (
                <span className="text-slate-500">
                  {' '}
                  · {(page - 1) * PAGE_SIZE + 1}–{Math.min(page * PAGE_SIZE, data.total)}
                </span>
              )}
            </>
          ) : (
            ' '
          )}
        </p>
        {list.isFetching && !list.isPending && <Spinner className="size-5 text-brand-700" label="새로 불러오는 중" />}
      </div>

      {list.isPending ? (
        <div className="flex justify-center py-16">
          <Spinner label="신청 목록을 불러오는 중" />
        </div>
      ) : list.isError && !data ? (
        <Alert tone="error" title="신청 목록을 불러오지 못했습니다" live>
          <p>{errorMessage(list.error)}</p>
          <Button variant="outline" size="sm" className="mt-2 self-start" onClick={() => void list.refetch()}>
            다시 시도
          </Button>
        </Alert>
      ) : !data || data.items.length === 0 ? (
        <EmptyState icon={Inbox} title="조건에 맞는 신청이 없습니다">
          <p>검색어나 필터를 바꿔 보세요.</p>
        </EmptyState>
      ) : (
        <div className={cn('transition-opacity', list.isPlaceholderData && 'opacity-60')} aria-busy={list.isPlaceholderData || undefined}>
          {/* Desktop: a table. */}
          <div className="hidden overflow-hidden rounded-2xl border border-slate-200 bg-white lg:block">
            <table className="w-full table-fixed text-left text-base">
              <caption className="sr-only">신청 목록</caption>
              <thead className="bg-slate-50 text-sm text-slate-600">
                <tr>
                  <th scope="col" className="w-36 px-4 py-3 font-semibold">신청번호</th>
                  <th scope="col" className="w-36 px-4 py-3 font-semibold">고객</th>
                  <th scope="col" className="px-4 py-3 font-semibold">서비스</th>
                  <th scope="col" className="w-24 px-4 py-3 font-semibold">상태</th>
                  <th scope="col" className="w-32 px-4 py-3 font-semibold">접수</th>
                  <th scope="col" className="w-40 px-4 py-3 font-semibold">협력사</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.items.map((item) => (
                  <tr
                    key={item.id}
                    className={cn('cursor-pointer hover:bg-slate-50', ROW_TINT[item.status])}
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest('a')) return;
                      navigate(`/admin/applications/${item.id}`);
                    }}
                  >
                    <td className="px-4 py-3">
                      <Link to={`/admin/applications/${item.id}`} className="tabular-nums text-sm font-semibold text-brand-700 hover:underline">
                        {item.number}
                      </Link>
                    </td>
                    <td className="px-4 py-3">
                      <span className="block truncate font-semibold">{item.customer_name}</span>
                      <span className="block text-sm text-slate-600">{item.customer_phone}</span>
                    </td>
                    <td className="px-4 py-3">
                      <span className="line-clamp-2">
                        <Services item={item} />
                      </span>
                    </td>
                    <td className="px-4 py-3">
                      <StatusChip kind="application" status={item.status} label={item.status_label} />
                    </td>
                    <td className="px-4 py-3 text-sm text-slate-700">
                      <span className="block">{formatDate(item.created_at)}</span>
                      <span className="block text-slate-500">{formatTime(item.created_at)}</span>
                    </td>
                    <td className="px-4 py-3 text-sm">
                      <Partners item={item} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {/* Phones and tablets: one card per application. */}
          <ul className="flex flex-col gap-2 lg:hidden">
            {data.items.map((item) => (
              <li key={item.id}>
                <Link
                  to={`/admin/applications/${item.id}`}
                  className={cn('flex flex-col gap-1.5 rounded-2xl border border-slate-200 bg-white p-4 hover:border-brand-500', ROW_TINT[item.status])}
                >
                  <span className="flex items-center justify-between gap-2">
                    <span className="tabular-nums text-sm font-semibold text-brand-700">{item.number}</span>
                    <StatusChip kind="application" status={item.status} label={item.status_label} />
                  </span>
                  <span className="text-lg font-bold">
                    {item.customer_name} <span className="text-base font-normal text-slate-600">{item.customer_phone}</span>
                  </span>
                  <span className="text-slate-700">
                    <Services item={item} />
                  </span>
                  <span className="flex justify-between gap-2 text-sm text-slate-600">
                    <span>{formatDateTime(item.created_at)}</span>
                    <Partners item={item} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}

      {data && <Pagination page={page} totalPages={data.total_pages} onChange={(p) => update({ page: p })} onIntent={prefetchPage} className="py-2" />}
    </div>
  );
}
