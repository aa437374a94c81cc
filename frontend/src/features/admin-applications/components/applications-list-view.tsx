import { useQuery } from '@tanstack/react-query';
import { Inbox, Send, UserPlus, X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
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
import { pageState, useListSelection, type Selection } from '../hooks/use-list-selection';

import { BulkAssignSheet } from './bulk-assign-sheet';
import { BulkSmsSheet } from './bulk-sms-sheet';
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

/** The select-all box of the page on screen; "mixed" when only part of the page is selected. */
function PageCheckbox({ state, onChange }: { state: 'none' | 'some' | 'all'; onChange: (checked: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <label className="inline-flex min-h-12 cursor-pointer items-center gap-3 rounded-xl pr-2 font-semibold text-slate-700">
      <input
        ref={ref}
        type="checkbox"
        className="size-6 cursor-pointer accent-brand-700"
        checked={state === 'all'}
        aria-checked={state === 'some' ? 'mixed' : state === 'all'}
        onChange={(e) => onChange(e.target.checked)}
      />
      이 페이지 모두 선택
    </label>
  );
}

function RowCheckbox({ item, selection, onToggle }: { item: ApplicationListItem; selection: Selection; onToggle: (item: ApplicationListItem) => void }) {
  return (
    <label className="flex size-12 cursor-pointer items-center justify-center rounded-lg hover:bg-slate-100">
      <input
        type="checkbox"
        className="size-6 cursor-pointer accent-brand-700"
        checked={selection.has(item.id)}
        onChange={() => onToggle(item)}
        aria-label={`${item.number} 선택`}
      />
    </label>
  );
}

/** Sticks to the bottom of the screen while rows are selected: how many, and what can be done with them. */
function SelectionBar({ count, onAssign, onSms, onClear }: { count: number; onAssign: () => void; onSms: () => void; onClear: () => void }) {
  return (
    <div
      role="region"
      aria-label="선택한 신청"
      className="sticky bottom-0 z-10 -mx-1 flex flex-col gap-2 rounded-2xl border border-brand-200 bg-white/95 p-3 shadow-lg backdrop-blur sm:flex-row sm:items-center"
    >
      <div className="flex items-center justify-between gap-2 sm:mr-auto">
        <p className="text-lg font-bold text-brand-800">
          <span className="tabular-nums">{count}</span>건 선택
        </p>
        <Button variant="outline" size="sm" onClick={onClear}>
          <X className="size-5" aria-hidden="true" />
          선택 해제
        </Button>
      </div>
      <div className="grid grid-cols-2 gap-2 sm:flex">
        <Button variant="outline" onClick={onSms}>
          <Send className="size-5" aria-hidden="true" />
          일괄 문자
        </Button>
        <Button onClick={onAssign}>
          <UserPlus className="size-5" aria-hidden="true" />
          일괄 배정
        </Button>
      </div>
    </div>
  );
}

/** The applications list screen (`/admin/applications`). Reference data comes in as props from the app layer. */
export function ApplicationsListView({ categories }: { categories: CategoryWithServices[] }) {
  const navigate = useNavigate();
  const { filters, update, reset } = useApplicationFilters();
  const list = useApplications(filters);
  const prefetchPage = useApplicationsPagePrefetch(filters);
  const partners = useQuery(applicationQueries.approvedPartners());
  const selection = useListSelection(filters);
  const [sheet, setSheet] = useState<'assign' | 'sms' | null>(null);

  const serviceNames = useMemo(() => {
    const map = new Map<string, string>();
    for (const c of categories) for (const s of c.services) map.set(s.code, s.name);
    return map;
  }, [categories]);

  const data = list.data;
  const counts = data?.counts;
  const page = filters.page ?? 1;
  const selected = selection.selected;
  const onPage = pageState(selected, data?.items ?? []);

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

      <p className="sr-only" aria-live="polite" data-testid="selection-announcement">
        {selection.notice ?? (selected.size > 0 ? `${selected.size}건 선택됨` : '')}
      </p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {data && data.items.length > 0 && <PageCheckbox state={onPage} onChange={(checked) => selection.togglePage(data.items, checked)} />}
        <p className="mr-auto text-base text-slate-700" aria-live="polite">
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
                  <th scope="col" className="w-16 py-1 pl-2">
                    <span className="sr-only">선택</span>
                  </th>
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
                    className={cn('cursor-pointer hover:bg-slate-50', ROW_TINT[item.status], selected.has(item.id) && 'bg-brand-50')}
                    aria-selected={selected.has(item.id)}
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest('a, label, input')) return;
                      navigate(`/admin/applications/${item.id}`);
                    }}
                  >
                    <td className="py-1 pl-2">
                      <RowCheckbox item={item} selection={selected} onToggle={selection.toggle} />
                    </td>
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
              <li
                key={item.id}
                className={cn(
                  'flex items-start gap-1 rounded-2xl border bg-white py-2 pl-1 hover:border-brand-500',
                  selected.has(item.id) ? 'border-brand-500 bg-brand-50' : 'border-slate-200',
                  ROW_TINT[item.status],
                )}
              >
                <RowCheckbox item={item} selection={selected} onToggle={selection.toggle} />
                <Link to={`/admin/applications/${item.id}`} className="flex min-w-0 flex-1 flex-col gap-1.5 rounded-xl py-2 pr-4">
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

      {selected.size > 0 && (
        <SelectionBar count={selected.size} onAssign={() => setSheet('assign')} onSms={() => setSheet('sms')} onClear={selection.clear} />
      )}
      <BulkAssignSheet
        open={sheet === 'assign'}
        selection={selected}
        onClose={(failedIds) => {
          setSheet(null);
          if (failedIds) selection.keepOnly(failedIds);
        }}
      />
      <BulkSmsSheet
        open={sheet === 'sms'}
        selection={selected}
        onClose={(sent) => {
          setSheet(null);
          if (sent) selection.clear();
        }}
      />
    </div>
  );
}
