import { CalendarCheck, CalendarDays, CheckCircle2, ChevronLeft, ChevronRight, Clock, X } from 'lucide-react';
import { Link } from 'react-router';

import type { AssignmentStatus, ScheduleItem } from '@/client/types.gen';
import { StatCard } from '@/components/admin/stat-card';
import { StatusChip } from '@/components/admin/status-chip';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/cn';
import { errorMessage } from '@/lib/errors';
import { formatDateShort } from '@/lib/format';

import { useSchedule } from '../hooks/use-schedule';

const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];
const STATUS_CHIPS: { value: AssignmentStatus | undefined; label: string }[] = [
  { value: undefined, label: '전체' },
  { value: 'scheduled', label: '일정확정' },
  { value: 'completed', label: '완료' },
  { value: 'cancelled', label: '취소' },
];

const DOT: Record<string, string> = {
  scheduled: 'bg-teal-600',
  completed: 'bg-leaf-600',
  pending: 'bg-amber-500',
  cancelled: 'bg-slate-400',
};

function DayPanel({ date, items, onClose }: { date: string; items: ScheduleItem[]; onClose: () => void }) {
  return (
    <section aria-label={`${formatDateShort(date)} 일정`} className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-bold">
          {formatDateShort(date)} <span className="text-base font-normal text-slate-600">{items.length}건</span>
        </h2>
        <button type="button" onClick={onClose} className="flex size-11 items-center justify-center rounded-lg hover:bg-slate-100" aria-label="닫기">
          <X className="size-5" aria-hidden="true" />
        </button>
      </div>
      {items.length === 0 ? (
        <p className="text-slate-600">이 날은 일정이 없습니다.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {items.map((item) => (
            <li key={item.assignment_id}>
              <Link to={`/admin/applications/${item.application_id}`} className="flex flex-col gap-1 rounded-xl border border-slate-200 p-3 hover:border-brand-500 hover:bg-slate-50">
                <span className="flex items-center justify-between gap-2">
                  <span className="flex items-center gap-1.5 font-bold">
                    <Clock className="size-4 text-slate-500" aria-hidden="true" />
                    {item.scheduled_time ?? '시간 미정'}
                  </span>
                  <StatusChip kind="assignment" status={item.status} label={item.status_label} />
                </span>
                <span className="text-lg font-semibold">{item.customer_name}</span>
                <span className="text-sm text-slate-600">{item.address_short}</span>
                <span className="text-sm">{item.services.map((s) => s.name).join(', ')}</span>
                <span className="flex items-center justify-between text-sm">
                  <span className="font-semibold text-brand-700">{item.partner_name}</span>
                  <span className="tabular-nums text-slate-500">{item.application_number}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The schedule month (`/admin/schedule`): grid with counts per day, filters, stats, day panel. */
export function ScheduleView() {
  const s = useSchedule();
  const { ym, grid, byDate, today, selectedDate } = s;
  const stats = s.stats.data;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <section aria-label="이번 달 통계" className="grid grid-cols-3 gap-2">
        <StatCard label="예정" value={stats ? stats.pending : '-'} Icon={CalendarCheck} compact />
        <StatCard label="완료" value={stats ? stats.completed : '-'} Icon={CheckCircle2} compact />
        <StatCard label="전체" value={stats ? stats.total_scheduled : '-'} Icon={CalendarDays} compact />
      </section>

      <div className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-3 lg:flex-row lg:items-center">
        <div className="flex items-center gap-2">
          <button
            type="button"
            onClick={() => s.goMonth(-1)}
            onPointerEnter={() => s.prefetchMonth(-1)}
            onFocus={() => s.prefetchMonth(-1)}
            className="flex size-12 items-center justify-center rounded-xl border-2 border-slate-300 hover:bg-slate-50"
            aria-label="이전 달"
          >
            <ChevronLeft className="size-6" aria-hidden="true" />
          </button>
          <h2 className="min-w-32 text-center text-xl font-extrabold tabular-nums" aria-live="polite">
            {ym.year}년 {ym.month}월
          </h2>
          <button
            type="button"
            onClick={() => s.goMonth(1)}
            onPointerEnter={() => s.prefetchMonth(1)}
            onFocus={() => s.prefetchMonth(1)}
            className="flex size-12 items-center justify-center rounded-xl border-2 border-slate-300 hover:bg-slate-50"
            aria-label="다음 달"
          >
            <ChevronRight className="size-6" aria-hidden="true" />
          </button>
          <Button variant="outline" size="sm" className="min-h-12" onClick={s.goToday}>
            오늘
          </Button>
          {s.schedule.isFetching && <Spinner className="size-5 text-brand-700" label="불러오는 중" />}
        </div>
        <div className="flex flex-wrap items-center gap-2 lg:ml-auto">
          <div role="group" aria-label="상태 필터" className="flex flex-wrap gap-1.5">
            {STATUS_CHIPS.map((c) => (
              <button
                key={c.label}
                type="button"
                aria-pressed={s.filters.status === c.value}
                onClick={() => s.setStatus(c.value)}
                className={cn(
                  'min-h-11 rounded-full border-2 px-4 text-sm font-semibold',
                  s.filters.status === c.value ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white hover:border-brand-500',
                )}
              >
                {c.label}
              </button>
            ))}
          </div>
          <label className="flex items-center gap-2">
            <span className="sr-only">협력사</span>
            <select
              value={s.filters.partnerId ?? ''}
              onChange={(e) => s.setPartner(e.target.value ? Number(e.target.value) : undefined)}
              className="min-h-11 rounded-xl border-2 border-slate-300 bg-white px-3"
            >
              <option value="">전체 협력사</option>
              {s.partners.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.company_name} (#{p.id})
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      {s.schedule.isError && !s.schedule.data && (
        <Alert tone="error" title="일정을 불러오지 못했습니다" live>
          <p>{errorMessage(s.schedule.error)}</p>
        </Alert>
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="self-start overflow-hidden rounded-2xl border border-slate-200 bg-white">
          <div className="grid grid-cols-7 border-b border-slate-200 bg-slate-50 text-center text-sm font-semibold" aria-hidden="true">
            {WEEKDAYS.map((d, i) => (
              <div key={d} className={cn('py-2', i === 0 && 'text-red-700', i === 6 && 'text-brand-700')}>
                {d}
              </div>
            ))}
          </div>
          <div role="grid" aria-label={`${ym.year}년 ${ym.month}월 일정`} className="grid grid-cols-7">
            {Array.from({ length: 6 }, (_, week) => (
              <div role="row" key={week} className="contents">
                {grid.slice(week * 7, week * 7 + 7).map((d) => {
                  const items = byDate.get(d.date) ?? [];
                  const selected = selectedDate === d.date;
                  return (
                    <div role="gridcell" key={d.date} aria-selected={selected} className="border-r border-b border-slate-100 [&:nth-child(7n)]:border-r-0">
                      <button
                        type="button"
                        onClick={() => s.selectDay(selected ? null : d.date)}
                        aria-label={`${d.date.slice(5, 7)}월 ${d.day}일, 일정 ${items.length}건`}
                        className={cn(
                          'flex h-full min-h-16 w-full flex-col items-start gap-1 p-1.5 text-left hover:bg-brand-50 sm:min-h-24 sm:p-2',
                          !d.inMonth && 'bg-slate-50 text-slate-400',
                          selected && 'bg-brand-50 ring-2 ring-brand-600 ring-inset',
                        )}
                      >
                        <span
                          className={cn(
                            'flex size-7 items-center justify-center rounded-full text-sm font-semibold',
                            d.date === today && 'bg-brand-700 text-white',
                            d.date !== today && d.weekday === 0 && d.inMonth && 'text-red-700',
                            d.date !== today && d.weekday === 6 && d.inMonth && 'text-brand-700',
                          )}
                        >
                          {d.day}
                        </span>
                        {items.length > 0 && (
                          <>
                            <span className="rounded-md bg-brand-700 px-1.5 text-xs font-bold text-white">
                              {items.length}
                              <span className="hidden sm:inline">건</span>
                            </span>
                            <span className="hidden w-full flex-col gap-0.5 sm:flex">
                              {items.slice(0, 2).map((it) => (
                                <span key={it.assignment_id} className="flex items-center gap-1 truncate text-xs text-slate-700">
                                  <span className={cn('size-2 shrink-0 rounded-full', DOT[it.status] ?? 'bg-slate-400')} aria-hidden="true" />
                                  <span className="truncate">
                                    {it.scheduled_time ?? '미정'}
                                    <span className="hidden 2xl:inline"> {it.customer_name}</span>
                                  </span>
                                </span>
                              ))}
                              {items.length > 2 && <span className="text-xs text-slate-500">외 {items.length - 2}건</span>}
                            </span>
                          </>
                        )}
                      </button>
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        </div>
        <div>
          {selectedDate ? (
            <DayPanel date={selectedDate} items={s.selectedItems} onClose={() => s.selectDay(null)} />
          ) : (
            <p className="rounded-2xl border-2 border-dashed border-slate-300 p-6 text-center text-slate-600">날짜를 누르면 그날 일정이 여기에 보입니다.</p>
          )}
        </div>
      </div>
    </div>
  );
}
