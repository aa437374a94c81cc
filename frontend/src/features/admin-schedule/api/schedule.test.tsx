import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';

import type { Schedule, ScheduleItem } from '@/client/types.gen';

import { createTestQueryClient, createWrapper } from '@/testing/render';
import { API, server } from '@/testing/server';

import { timeSortKey, useSchedule } from '../hooks/use-schedule';

import { addMonths, monthGrid } from './calendar';
import { scheduleQueries, statsFromSchedule } from './schedule-queries';

describe('calendar', () => {
  it('lays out 6 weeks starting on Sunday', () => {
    const grid = monthGrid({ year: 2026, month: 12 });
    expect(grid).toHaveLength(42);
    expect(grid[0]).toMatchObject({ date: '2026-11-29', inMonth: false, weekday: 0 });
    expect(grid.find((d) => d.date === '2026-12-01')).toMatchObject({ inMonth: true, weekday: 2 });
    expect(grid.at(-1)!.date).toBe('2027-01-09');
  });

  it('moves across years', () => {
    expect(addMonths({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(addMonths({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
  });

  it('orders 종일, 오전, times and 오후 sensibly', () => {
    expect(['14:00', null, '오후', '09:00', '오전', '종일'].sort((a, b) => timeSortKey(a).localeCompare(timeSortKey(b)))).toEqual([
      '종일',
      '오전',
      '09:00',
      '오후',
      '14:00',
      null,
    ]);
  });
});

describe('scheduleQueries', () => {
  it('has the month and the filters in the key', () => {
    const dec = scheduleQueries.month({ year: 2026, month: 12 }).queryKey;
    expect(dec).toEqual(['schedule', 'month', '2026-12', {}]);
    expect(scheduleQueries.month({ year: 2026, month: 12 }, { status: 'completed', partnerId: 4 }).queryKey.at(-1)).toEqual({ status: 'completed', partnerId: 4 });
    expect(dec.slice(0, 2)).toEqual(scheduleQueries.months());
  });
});

describe('useSchedule', () => {
  it('loads the month from the URL with its grid range and prefetches a neighbouring month on intent', async () => {
    const ranges: string[] = [];
    const stats: string[] = [];
    server.use(
      http.get(`${API}/admin/schedule`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        ranges.push(`${q.get('start_date')}..${q.get('end_date')}|${q.get('status') ?? ''}|${q.get('partner_id') ?? ''}`);
        return HttpResponse.json({
          start_date: q.get('start_date'),
          end_date: q.get('end_date'),
          total: 1,
          items: [
            {
              assignment_id: 1,
              application_id: 7,
              application_number: '20261111-001',
              application_status: 'scheduled',
              customer_name: '조예준',
              address_short: '경기도 가평군 상면',
              services: [],
              partner_id: 3,
              partner_name: '든든설비',
              scheduled_date: '2026-12-22',
              scheduled_time: '10:00',
              status: 'scheduled',
              status_label: '일정확정',
              estimated_cost: null,
            },
          ],
        });
      }),
      http.get(`${API}/admin/schedule/monthly-stats`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        stats.push(`${q.get('year')}-${q.get('month')}`);
        return HttpResponse.json({ year: 2026, month: 12, total_scheduled: 1, completed: 0, pending: 1, by_date: { '2026-12-22': 1 } });
      }),
      http.get(`${API}/admin/schedule/partners`, () => HttpResponse.json([])),
    );
    const { result } = renderHook(() => useSchedule(), {
      wrapper: createWrapper(createTestQueryClient(), '/admin/schedule?month=2026-12&status=scheduled&partner=3&day=2026-12-22'),
    });
    await waitFor(() => expect(result.current.schedule.isSuccess).toBe(true));
    expect(result.current.ym).toEqual({ year: 2026, month: 12 });
    expect(result.current.selectedItems.map((i) => i.customer_name)).toEqual(['조예준']);
    await waitFor(() => expect(stats).toEqual(['2026-12']));
    // Only the month shown: neighbours wait for the admin to reach for a month button.
    expect(ranges).toEqual(['2026-11-29..2027-01-09|scheduled|3']);
    act(() => result.current.prefetchMonth(1));
    await waitFor(() => expect(ranges).toHaveLength(2));
    expect(ranges[1]).toBe('2026-12-27..2027-02-06|scheduled|3'); // January's grid, same filters
    await waitFor(() => expect(stats).toEqual(['2026-12', '2027-1']));
    // Reaching again for fresh data asks nothing more.
    act(() => result.current.prefetchMonth(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(ranges).toHaveLength(2);
  });
});

function item(id: number, date: string, status: ScheduleItem['status']): ScheduleItem {
  return {
    assignment_id: id,
    application_id: 7,
    application_number: '20261111-001',
    application_status: 'scheduled',
    customer_name: '조예준',
    address_short: '경기도 가평군 상면',
    services: [],
    partner_id: 3,
    partner_name: '든든설비',
    scheduled_date: date,
    scheduled_time: null,
    status,
    status_label: status,
    estimated_cost: null,
  };
}

function december(): Schedule {
  // The grid's leading (Nov 30) and trailing (Jan 2) days are on it too; the stats count December only.
  const items = [item(1, '2026-11-30', 'scheduled'), item(2, '2026-12-03', 'completed'), item(3, '2026-12-03', 'scheduled'), item(4, '2026-12-22', 'pending'), item(5, '2027-01-02', 'scheduled')];
  return { start_date: '2026-11-29', end_date: '2027-01-09', items, total: items.length };
}

describe('month stats from the month', () => {
  it('counts what the monthly-stats endpoint counts: the calendar month only, cancelled left out', () => {
    const schedule = december();
    schedule.items.push(item(6, '2026-12-24', 'cancelled'));
    expect(statsFromSchedule({ year: 2026, month: 12 }, schedule)).toEqual({
      year: 2026,
      month: 12,
      total_scheduled: 3,
      completed: 1,
      pending: 2,
      by_date: { '2026-12-03': 2, '2026-12-22': 1 },
    });
  });

  it('shows a month without a status filter with one request; the stats still have their own key and endpoint', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${API}/admin/schedule`, ({ request }) => {
        seen.push(`schedule ${new URL(request.url).searchParams.get('partner_id') ?? ''}`);
        return HttpResponse.json(december());
      }),
      http.get(`${API}/admin/schedule/monthly-stats`, () => {
        seen.push('stats');
        return HttpResponse.json({ year: 2026, month: 12, total_scheduled: 9, completed: 9, pending: 0, by_date: {} });
      }),
      http.get(`${API}/admin/schedule/partners`, () => HttpResponse.json([])),
    );
    const queryClient = createTestQueryClient();
    const { result } = renderHook(() => useSchedule(), { wrapper: createWrapper(queryClient, '/admin/schedule?month=2026-12&partner=3') });
    await waitFor(() => expect(result.current.stats.data).toMatchObject({ total_scheduled: 3, completed: 1, pending: 2 }));
    expect(seen).toEqual(['schedule 3']);

    // A neighbouring month reached for: one request too.
    act(() => result.current.prefetchMonth(1));
    await waitFor(() => expect(queryClient.getQueryData(scheduleQueries.stats({ year: 2027, month: 1 }, 3).queryKey)).toBeDefined());
    expect(seen).toEqual(['schedule 3', 'schedule 3']);

    // Refreshing the stats alone (no month on its way) asks their endpoint.
    await act(() => queryClient.refetchQueries({ queryKey: scheduleQueries.stats({ year: 2026, month: 12 }, 3).queryKey }));
    expect(seen).toEqual(['schedule 3', 'schedule 3', 'stats']);
    await waitFor(() => expect(result.current.stats.data?.total_scheduled).toBe(9));
  });
});
