import { queryOptions } from '@tanstack/react-query';

import { adminScheduleList, adminScheduleMonthlyStats, adminSchedulePartners } from '@/client/sdk.gen';
import type { AssignmentStatus, MonthlyStats, Schedule, SchedulePartner } from '@/client/types.gen';
import '@/lib/api-client';
import { STALE_TIME } from '@/lib/query-client';

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

export async function getSchedulePartners(signal?: AbortSignal): Promise<SchedulePartner[]> {
  const { data } = await adminSchedulePartners({ signal, throwOnError: true });
  return data;
}

/** Query keys of the schedule, general → specific; the month is part of every month key. */
export const scheduleQueries = {
  all: () => ['schedule'] as const,
  months: () => [...scheduleQueries.all(), 'month'] as const,
  month: (ym: YearMonth, filters: ScheduleFilters = {}) =>
    queryOptions({
      queryKey: [...scheduleQueries.months(), `${ym.year}-${String(ym.month).padStart(2, '0')}`, cleanFilters(filters)] as const,
      queryFn: ({ signal }) => getMonthSchedule(ym, filters, signal),
      staleTime: STALE_TIME.list,
    }),
  stats: (ym: YearMonth, partnerId?: number) =>
    queryOptions({
      queryKey: [...scheduleQueries.all(), 'stats', `${ym.year}-${String(ym.month).padStart(2, '0')}`, partnerId ?? null] as const,
      queryFn: ({ signal }) => getMonthStats(ym, partnerId, signal),
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
