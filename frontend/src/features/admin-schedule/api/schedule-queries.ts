import { queryOptions } from '@tanstack/react-query';

import { adminScheduleList, adminScheduleMonthlyStats, adminSchedulePartners } from '@/client/sdk.gen';
import type { AssignmentStatus, MonthlyStats, Schedule, SchedulePartner } from '@/client/types.gen';
import '@/lib/api-client';
import { STALE_TIME } from '@/lib/query-client';
import { awaitInFlight } from '@/lib/query-seeding';

import { monthGrid, type YearMonth } from './calendar';

export interface ScheduleFilters {
  status?: AssignmentStatus | undefined;
  partnerId?: number | undefined;
}

function cleanFilters(f: ScheduleFilters): ScheduleFilters {
  const out: ScheduleFilters = {};
  if (f.status) out.status = f.status;
  if (f.partnerId) out.partnerId = f.partnerId;
  return out;
}

/** The whole 6-week grid of a month (leading and trailing days included), so every visible cell has its items. */
export async function getMonthSchedule(ym: YearMonth, filters: ScheduleFilters, signal?: AbortSignal): Promise<Schedule> {
  const days = monthGrid(ym);
  const { data } = await adminScheduleList({
    signal,
    throwOnError: true,
    query: {
      start_date: days[0]!.date,
      end_date: days[days.length - 1]!.date,
      status: filters.status ?? null,
      partner_id: filters.partnerId ?? null,
    },
  });
  return data;
}

export async function getMonthStats(ym: YearMonth, partnerId: number | undefined, signal?: AbortSignal): Promise<MonthlyStats> {
  const { data } = await adminScheduleMonthlyStats({
    signal,
    throwOnError: true,
    query: { year: ym.year, month: ym.month, partner_id: partnerId ?? null },
  });
  return data;
}

/**
 * A month's stats counted from that month's schedule, exactly as GET /admin/schedule/monthly-stats counts them:
 * the non-cancelled assignments dated inside the calendar month (the grid's leading and trailing days are left
 * out), those completed, the rest still to do, and a count per day. Valid only for a schedule fetched without a
 * status filter (with one, the schedule lacks the other statuses, and the stats come from their own endpoint).
 */
export function statsFromSchedule(ym: YearMonth, schedule: Schedule): MonthlyStats {
  const prefix = `${ym.year}-${String(ym.month).padStart(2, '0')}-`;
  let total = 0;
  let completed = 0;
  const byDate: Record<string, number> = {};
  for (const item of schedule.items) {
    if (!item.scheduled_date.startsWith(prefix) || item.status === 'cancelled') continue;
    total += 1;
    if (item.status === 'completed') completed += 1;
    byDate[item.scheduled_date] = (byDate[item.scheduled_date] ?? 0) + 1;
  }
  const sorted = Object.fromEntries(Object.entries(byDate).sort(([a], [b]) => a.localeCompare(b)));
  return { year: ym.year, month: ym.month, total_scheduled: total, completed, pending: total - completed, by_date: sorted };
}

export async function getSchedulePartners(signal?: AbortSignal): Promise<SchedulePartner[]> {
  const { data } = await adminSchedulePartners({ signal, throwOnError: true });
  return data;
}

const monthLabel = (ym: YearMonth) => `${ym.year}-${String(ym.month).padStart(2, '0')}`;

/**
 * Query keys of the schedule, general → specific; the month is part of every month key. A month fetched without
 * a status filter seeds that month's stats (see `statsFromSchedule`), so showing a month costs one request; the
 * stats keep their own key and endpoint (status-filtered views, refetches while no month is loading).
 */
export const scheduleQueries = {
  all: () => ['schedule'] as const,
  months: () => [...scheduleQueries.all(), 'month'] as const,
  month: (ym: YearMonth, filters: ScheduleFilters = {}) =>
    queryOptions({
      queryKey: [...scheduleQueries.months(), monthLabel(ym), cleanFilters(filters)] as const,
      queryFn: async ({ signal, client }) => {
        const schedule = await getMonthSchedule(ym, filters, signal);
        if (!filters.status) client.setQueryData(scheduleQueries.stats(ym, filters.partnerId).queryKey, statsFromSchedule(ym, schedule));
        return schedule;
      },
      staleTime: STALE_TIME.list,
    }),
  stats: (ym: YearMonth, partnerId?: number) =>
    queryOptions({
      queryKey: [...scheduleQueries.all(), 'stats', monthLabel(ym), partnerId ?? null] as const,
      queryFn: async ({ signal, client }) => {
        // The unfiltered month on its way carries these stats: wait for it rather than ask twice.
        const schedule = await awaitInFlight<Schedule>(client, scheduleQueries.month(ym, partnerId ? { partnerId } : {}).queryKey);
        return schedule ? statsFromSchedule(ym, schedule) : getMonthStats(ym, partnerId, signal);
      },
      staleTime: STALE_TIME.list,
    }),
  /** Approved partners; the same top-level key as the applications feature's picker (one fetch, one cache entry). */
  partners: () =>
    queryOptions({
      queryKey: ['schedule-partners'] as const,
      queryFn: ({ signal }) => getSchedulePartners(signal),
      staleTime: STALE_TIME.list,
    }),
};
