import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import type { AssignmentStatus, ScheduleItem } from '@/client/types.gen';
import { todayInSeoul } from '@/lib/dates';

import { addMonths, formatYearMonth, monthGrid, parseYearMonth, type YearMonth } from '../api/calendar';
import { scheduleQueries, type ScheduleFilters } from '../api/schedule-queries';

const STATUSES: AssignmentStatus[] = ['pending', 'scheduled', 'completed', 'cancelled'];

/** Orders a day's items: 종일 first, 오전 before noon, 오후 after, unknown times last. */
export function timeSortKey(time: string | null): string {
  if (!time) return '99';
  if (time === '종일') return '00:00';
  if (time === '오전') return '08:59';
  if (time === '오후') return '12:59';
  return time;
}

function currentMonth(today: string): YearMonth {
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

/**
 * The schedule month: month, filters and selected day live in the URL; the month is in the query key and a
 * neighbouring month is prefetched when the admin reaches for its button, so month navigation is instant.
 */
export function useSchedule() {
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const today = todayInSeoul();
  const ym = parseYearMonth(params.get('month')) ?? currentMonth(today);
  const statusParam = params.get('status') as AssignmentStatus | null;
  const partnerParam = Number(params.get('partner'));
  const filters: ScheduleFilters = useMemo(
    () => ({
      status: statusParam && STATUSES.includes(statusParam) ? statusParam : undefined,
      partnerId: Number.isInteger(partnerParam) && partnerParam > 0 ? partnerParam : undefined,
    }),
    [statusParam, partnerParam],
  );
  const selectedDate = params.get('day');

  const schedule = useQuery(scheduleQueries.month(ym, filters));
  const stats = useQuery(scheduleQueries.stats(ym, filters.partnerId));
  const partners = useQuery(scheduleQueries.partners());

  // Neighbouring months are prefetched on intent (the pointer on, or focus in, a month button), not on every
  // month shown: the measured admin session found the eager ±1 prefetch asking for two months (4 requests) per
  // month viewed that were mostly never opened. A prefetch of fresh data is a no-op.
  const { year: y, month: m } = ym;
  const prefetchMonth = useCallback(
    (delta: number) => {
      const other = addMonths({ year: y, month: m }, delta);
      // Month first: without a status filter it carries the stats, which then wait for it.
      void queryClient.prefetchQuery(scheduleQueries.month(other, filters));
      void queryClient.prefetchQuery(scheduleQueries.stats(other, filters.partnerId));
    },
    [y, m, filters, queryClient],
  );

  const byDate = useMemo(() => {
    const map = new Map<string, ScheduleItem[]>();
    for (const item of schedule.data?.items ?? []) {
      const list = map.get(item.scheduled_date) ?? [];
      list.push(item);
      map.set(item.scheduled_date, list);
    }
    for (const list of map.values()) list.sort((a, b) => timeSortKey(a.scheduled_time).localeCompare(timeSortKey(b.scheduled_time)));
    return map;
  }, [schedule.data]);

  const { year, month } = ym;
  const grid = useMemo(() => monthGrid({ year, month }), [year, month]);

  const set = useCallback(
    (patch: Record<string, string | null>) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      }),
    [setParams],
  );

  return {
    ym,
    today,
    grid,
    byDate,
    schedule,
    stats,
    partners,
    filters,
    selectedDate,
    selectedItems: selectedDate ? (byDate.get(selectedDate) ?? []) : [],
    selectDay: (date: string | null) => set({ day: date }),
    prefetchMonth,
    goMonth: (delta: number) => set({ month: formatYearMonth(addMonths(ym, delta)), day: null }),
    goToday: () => set({ month: formatYearMonth(currentMonth(today)), day: today }),
    setStatus: (status: AssignmentStatus | undefined) => set({ status: status ?? null }),
    setPartner: (partnerId: number | undefined) => set({ partner: partnerId ? String(partnerId) : null }),
  };
}
