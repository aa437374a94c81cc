import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { useEffect } from 'react';
import { useLocation, useNavigate, type Location, type NavigateFunction } from 'react-router';

import type { AuditLogRead } from '@/client/types.gen';
import { applicationListFixture, applicationViewFixture, assignmentFixture, deferred } from '@/testing/admin-fixtures';
import { SEARCH_STATE_KEY, searchFromState } from '@/lib/private-search';
import { createTestQueryClient, createWrapper, renderWithProviders } from '@/testing/render';
import { API, server } from '@/testing/server';

import { applicationQueries } from '../api/application-queries';
import { ApplicationsListView } from '../components/applications-list-view';

import { mergeHistory, unassignedServices, useApplicationDetail } from './use-application-detail';
import { useApplications } from './use-applications';

function listHandler(seen: URL[], opts: { gate?: Promise<void> } = {}) {
  return http.get(`${API}/admin/applications`, async ({ request }) => {
    const url = new URL(request.url);
    seen.push(url);
    const page = Number(url.searchParams.get('page'));
    if (opts.gate && page === 2) await opts.gate;
    return HttpResponse.json(applicationListFixture(page, 3));
  });
}

describe('useApplications', () => {
  it('keeps the previous page on screen while the next one loads, and does not prefetch eagerly', async () => {
    const seen: URL[] = [];
    const gate = deferred();
    server.use(listHandler(seen, { gate: gate.promise }));
    const queryClient = createTestQueryClient();
    const { result, rerender } = renderHook(({ page }) => useApplications({ page }), {
      wrapper: createWrapper(queryClient),
      initialProps: { page: 1 },
    });
    await waitFor(() => expect(result.current.data?.page).toBe(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.map((u) => u.searchParams.get('page'))).toEqual(['1']);

    rerender({ page: 2 });
    // Page 2 is still on its way: page 1 stays, flagged as placeholder.
    expect(result.current.data?.page).toBe(1);
    expect(result.current.isPlaceholderData).toBe(true);
    gate.resolve();
    await waitFor(() => expect(result.current.data?.page).toBe(2));
    expect(result.current.isPlaceholderData).toBe(false);
  });

  it('prefetches a page when the admin reaches for its button; the click then reuses that request', async () => {
    const seen: URL[] = [];
    server.use(listHandler(seen), http.get(`${API}/admin/schedule/partners`, () => HttpResponse.json([])));
    const { user } = renderWithProviders(<ApplicationsListView categories={[]} />, { route: '/admin/applications' });
    await screen.findAllByText('20261127-101');
    const pages = within(screen.getByRole('navigation', { name: '페이지' }));
    expect(seen.map((u) => u.searchParams.get('page'))).toEqual(['1']);

    await user.hover(pages.getByRole('button', { name: '다음 페이지' }));
    await waitFor(() => expect(seen.map((u) => u.searchParams.get('page'))).toEqual(['1', '2']));
    await user.click(pages.getByRole('button', { name: '2 페이지' }));
    await waitFor(() => expect(pages.getByRole('button', { name: '2 페이지' })).toHaveAttribute('aria-current', 'page'));
    expect(seen.filter((u) => u.searchParams.get('page') === '2')).toHaveLength(1);
    // Keyboard users get the same: focus on a page button prefetches it.
    pages.getByRole('button', { name: '3 페이지' }).focus();
    await waitFor(() => expect(seen.map((u) => u.searchParams.get('page'))).toContain('3'));
  });

  it('does not prefetch past the last page', async () => {
    const seen: URL[] = [];
    server.use(listHandler(seen));
    const queryClient = createTestQueryClient();
    const { result } = renderHook(() => useApplications({ page: 3 }), { wrapper: createWrapper(queryClient) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.map((u) => u.searchParams.get('page'))).toEqual(['3']);
  });

  it('aborts the request when the screen unmounts', async () => {
    let signal: AbortSignal | null = null;
    const never = deferred();
    server.use(
      http.get(`${API}/admin/applications`, async ({ request }) => {
        signal = request.signal;
        await never.promise;
        return HttpResponse.json(applicationListFixture(1));
      }),
    );
    const queryClient = createTestQueryClient();
    const { unmount } = renderHook(() => useApplications({ page: 1 }), { wrapper: createWrapper(queryClient) });
    await waitFor(() => expect(signal).not.toBeNull());
    unmount();
    await waitFor(() => expect(signal!.aborted).toBe(true));
    never.resolve();
  });
});

interface Seen {
  method: string;
  url: URL;
  body: Record<string, unknown> | null;
}

/** The list (GET) and the search (POST), answered alike; every request is recorded. */
function listAndSearchHandlers(seen: Seen[]) {
  return [
    http.get(`${API}/admin/applications`, ({ request }) => {
      const url = new URL(request.url);
      seen.push({ method: 'GET', url, body: null });
      return HttpResponse.json(applicationListFixture(Number(url.searchParams.get('page')) || 1, 3));
    }),
    http.post(`${API}/admin/applications/search`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      seen.push({ method: 'POST', url: new URL(request.url), body });
      return HttpResponse.json(applicationListFixture(Number(body.page), 3));
    }),
    http.get(`${API}/admin/schedule/partners`, () => HttpResponse.json([])),
  ];
}

const probe: { location: Location | null; navigate: NavigateFunction | null } = { location: null, navigate: null };

/** Exposes the router's location and navigation to the test (the address bar and the back button). */
function RouterProbe() {
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    probe.location = location;
    probe.navigate = navigate;
  }, [location, navigate]);
  return null;
}

function listScreen() {
  return (
    <>
      <ApplicationsListView categories={[]} />
      <RouterProbe />
    </>
  );
}

describe('applications list screen', () => {
  it('reads filters from the URL and the term from history state; a status card changes the query key (back to page 1)', async () => {
    const seen: Seen[] = [];
    server.use(...listAndSearchHandlers(seen));
    const { user, queryClient } = renderWithProviders(listScreen(), {
      route: { pathname: '/admin/applications', search: '?status=new&page=2', state: { [SEARCH_STATE_KEY]: '5678' } },
    });
    await screen.findAllByText('20261127-201');
    expect(seen.map((s) => s.method)).toEqual(['POST']);
    expect(seen[0]!.url.search).toBe('');
    expect(seen[0]!.body).toMatchObject({ search: '5678', status: ['new'], page: 2 });
    expect(screen.getByText('전화번호 뒤 4자리로 찾습니다.', { exact: false })).toBeInTheDocument();

    const cards = within(screen.getByRole('region', { name: '상태별 신청 수' }));
    await user.click(cards.getByRole('button', { name: /상담중/ }));
    await waitFor(() => expect(seen.some((s) => s.body?.status?.toString() === 'consulting' && s.body.page === 1)).toBe(true));
    expect(queryClient.getQueryData(applicationQueries.list({ status: 'consulting', search: '5678', page: 1 }).queryKey)).toBeDefined();
    expect(cards.getByRole('button', { name: /상담중/ })).toHaveAttribute('aria-pressed', 'true');
    expect(probe.location!.search).toBe('?status=consulting');
    expect(searchFromState(probe.location!.state)).toBe('5678');
  });

  it('keeps a typed term out of the URL; back and forward restore it from the history entry', async () => {
    const seen: Seen[] = [];
    server.use(...listAndSearchHandlers(seen));
    const { user } = renderWithProviders(listScreen(), { route: '/admin/applications?status=new' });
    await screen.findAllByText('20261127-101');
    expect(seen.map((s) => s.method)).toEqual(['GET']);

    const box = within(screen.getByRole('search'));
    await user.type(box.getByRole('searchbox', { name: '신청 검색' }), '010-1234-5678');
    await user.click(box.getByRole('button', { name: '검색' }));
    await waitFor(() => expect(seen.map((s) => s.method)).toEqual(['GET', 'POST']));
    expect(seen[1]!.body).toMatchObject({ search: '010-1234-5678', status: ['new'], page: 1 });
    expect(probe.location!.search).toBe('?status=new');
    expect(`${probe.location!.pathname}${probe.location!.search}${probe.location!.hash}`).not.toMatch(/1234|5678/);
    expect(searchFromState(probe.location!.state)).toBe('010-1234-5678');

    act(() => void probe.navigate!(-1));
    await waitFor(() => expect(box.getByRole('searchbox', { name: '신청 검색' })).toHaveValue(''));
    expect(probe.location!.search).toBe('?status=new');
    act(() => void probe.navigate!(1));
    await waitFor(() => expect(box.getByRole('searchbox', { name: '신청 검색' })).toHaveValue('010-1234-5678'));
    // Both lists were cached under their keys: going back and forth asked the server nothing more.
    expect(seen).toHaveLength(2);
  });

  it('moves a term from an old ?q= link into the history state, with one request', async () => {
    const seen: Seen[] = [];
    server.use(...listAndSearchHandlers(seen));
    renderWithProviders(listScreen(), { route: '/admin/applications?q=5678&status=new' });
    await screen.findAllByText('20261127-101');
    await waitFor(() => expect(probe.location!.search).toBe('?status=new'));
    expect(searchFromState(probe.location!.state)).toBe('5678');
    expect(seen.map((s) => [s.method, s.url.search])).toEqual([['POST', '']]);
  });
});

describe('useApplicationDetail', () => {
  it('opens with one request: the detail seeds assignments, notes, customer history and audit history', async () => {
    const audit: AuditLogRead[] = [
      { id: 1, created_at: '2026-11-28T01:00:00Z', admin_id: 1, admin_name: '관리자', action: 'assignment_create', entity_type: 'application', entity_id: 1, summary: '믿음설비 배정', before: null, after: null, ip_address: null, user_agent: null, request_id: null },
      { id: 2, created_at: '2026-11-28T02:00:00Z', admin_id: 1, admin_name: '관리자', action: 'view', entity_type: 'application', entity_id: 1, summary: '조회', before: null, after: null, ip_address: null, user_agent: null, request_id: null },
      { id: 3, created_at: '2026-11-28T03:00:00Z', admin_id: 1, admin_name: '관리자', action: 'status_change', entity_type: 'application', entity_id: 1, summary: '상태 변경', before: null, after: null, ip_address: null, user_agent: null, request_id: null },
    ];
    const note = { id: 5, application_id: 1, admin_id: 1, admin_name: '관리자', content: '첫 메모', created_at: '2026-11-28T04:00:00Z' };
    const hits: string[] = [];
    const app = `${API}/admin/applications/1`;
    server.use(
      http.get(app, () => {
        hits.push('detail');
        return HttpResponse.json(
          applicationViewFixture({ assignments: [assignmentFixture()] }, { activity: { items: audit, next_cursor: null }, notes: { items: [note], total: 1, page: 1, page_size: 100, total_pages: 1 } }),
        );
      }),
      http.get(`${app}/notes`, () => {
        hits.push('notes');
        return HttpResponse.json({ items: [], total: 0, page: 1, page_size: 100, total_pages: 0 });
      }),
      http.get(`${API}/admin/audit-logs/entity/application/1`, () => {
        hits.push('history');
        return HttpResponse.json({ items: audit, next_cursor: null });
      }),
      http.get(`${app}/assignments`, () => {
        hits.push('assignments');
        return HttpResponse.json([assignmentFixture()]);
      }),
      http.get(`${app}/partner-ranking`, () => {
        hits.push('ranking');
        return HttpResponse.json({ application_id: 1, district_code: null, unassigned_services: [], partners: [] });
      }),
      http.get(`${app}/customer-history`, () => {
        hits.push('customer-history');
        return HttpResponse.json({ customer_phone_masked: '010-****-2063', total_applications: 1, applications: [] });
      }),
    );
    const queryClient = createTestQueryClient();
    const { result } = renderHook(() => useApplicationDetail(1), { wrapper: createWrapper(queryClient) });
    await waitFor(() => expect(result.current.customerHistory.isSuccess && result.current.history.isSuccess && result.current.assignments.isSuccess).toBe(true));
    // Each section is its own query, filled from the detail's response (the ranking belongs to the dialog).
    expect(hits).toEqual(['detail']);
    expect(result.current.notes.data?.items.map((n) => n.content)).toEqual(['첫 메모']);
    expect(result.current.assignments.data?.map((a) => a.partner_name)).toEqual(['믿음설비']);
    expect(result.current.timeline.map((e) => e.title)).toEqual(['믿음설비 배정', '접수 (신규)']);
    // SINK is covered by the assignment; DECK_WORK is not.
    expect(result.current.unassigned.map((s) => s.code)).toEqual(['DECK_WORK']);

    // Invalidating detail(1) refreshes every section of the screen, again from one response.
    hits.length = 0;
    await act(() => queryClient.invalidateQueries({ queryKey: applicationQueries.detail(1).queryKey }));
    expect(hits).toEqual(['detail']);

    // One section refreshed alone (no detail on its way) asks its own endpoint.
    hits.length = 0;
    await act(() => queryClient.invalidateQueries({ queryKey: applicationQueries.notes(1).queryKey }));
    expect(hits).toEqual(['notes']);
    await waitFor(() => expect(result.current.notes.data?.items).toEqual([]));

    // A failed detail fetch leaves the sections to their own endpoints.
    hits.length = 0;
    server.use(
      http.get(app, () => {
        hits.push('detail');
        return HttpResponse.json({ code: 'boom', message: '잘못된 요청' }, { status: 400 });
      }),
    );
    await act(() => queryClient.invalidateQueries({ queryKey: applicationQueries.detail(1).queryKey }));
    expect(hits.sort()).toEqual(['assignments', 'customer-history', 'detail', 'history', 'notes']);
  });

  it('ignores cancelled assignments when listing unassigned services', () => {
    const services = [{ code: 'A', name: 'a' }, { code: 'B', name: 'b' }];
    const list = [assignmentFixture({ services: [{ code: 'A', name: 'a' }], status: 'cancelled' }), assignmentFixture({ services: [{ code: 'B', name: 'b' }] })];
    expect(unassignedServices(services, list).map((s) => s.code)).toEqual(['A']);
    expect(mergeHistory(undefined, undefined)).toEqual([]);
  });
});
