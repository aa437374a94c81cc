import { renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';

import type { Dashboard } from '@/client/types.gen';
import { createTestQueryClient, createWrapper } from '@/testing/render';
import { API, server } from '@/testing/server';

import { dashboardQueries } from '../api/dashboard-queries';

import { useDashboard } from './use-dashboard';

const dashboard: Dashboard = {
  generated_at: '2026-11-28T10:00:00Z',
  periods: { today: '2026-11-28', week_start: '2026-11-23', month_start: '2026-11-01' },
  applications: { total: 200, by_status: { new: 39, consulting: 42, assigned: 33, scheduled: 39, completed: 37, cancelled: 10 }, today: 1, this_week: 17, this_month: 89 },
  partners: { total: 20, pending: 5, approved: 12, this_month: 5 },
  recent_applications: [],
  recent_partners: [],
  funnel: { window_days: 30, since: '2026-10-30', submitted: 90, assigned: 52, completed: 15, cancelled: 6, assigned_rate: 0.58, completed_rate: 0.17, median_hours_to_assignment: 35.5 },
};

describe('useDashboard', () => {
  it('derives the cards: in progress = consulting + assigned + scheduled', async () => {
    server.use(http.get(`${API}/admin/dashboard`, () => HttpResponse.json(dashboard)));
    const { result } = renderHook(() => useDashboard(), { wrapper: createWrapper(createTestQueryClient()) });
    await waitFor(() => expect(result.current.cards).not.toBeNull());
    expect(result.current.cards).toMatchObject({ newCount: 39, inProgress: 114, completed: 37, partners: 20, partnersPending: 5 });
    expect(dashboardQueries.summary().queryKey).toEqual(['dashboard', 'summary']);
  });
});
