import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';

import type { PartnerDetail, PartnerList } from '@/client/types.gen';
import { toast } from '@/components/ui/toast';
import { deferred, partnerFixture, partnerListFixture, partnerViewFixture } from '@/testing/admin-fixtures';
import { createTestQueryClient, createWrapper } from '@/testing/render';
import { API, server } from '@/testing/server';

import { mergePartnerTimeline } from '../hooks/use-partner-detail';
import { partnerFiltersFromParams, paramsFromPartnerFilters } from '../hooks/use-partner-filters';
import { usePartners, usePartnersPagePrefetch } from '../hooks/use-partners';

import { useChangePartnerStatus } from './partner-mutations';
import { partnerQueries } from './partner-queries';

afterEach(() => toast.clear());

describe('partnerQueries', () => {
  it('nests keys general → specific with filters in the list key', () => {
    expect(partnerQueries.lists()).toEqual([...partnerQueries.all(), 'list']);
    const detail = partnerQueries.detail(5).queryKey;
    for (const sub of [partnerQueries.notes(5), partnerQueries.history(5), partnerQueries.similar(5)]) expect(sub.queryKey.slice(0, 3)).toEqual(detail);
    expect(partnerQueries.list({ services: ['B', 'A'], status: 'pending' }).queryKey).toEqual(
      partnerQueries.list({ status: 'pending', services: ['A', 'B'], page: 1 }).queryKey,
    );
    // A district is more specific than its province: only one is sent.
    expect(partnerQueries.list({ provinceCode: '41', districtCode: '41830' }).queryKey.at(-1)).toEqual({ districtCode: '41830', page: 1 });
  });

  it('keeps filters in the URL, but not the search term', () => {
    const f = { status: 'approved' as const, services: ['SASH'], districtCode: '41830', page: 2 };
    const params = paramsFromPartnerFilters({ ...f, search: '010-1234-5678' });
    expect(params.toString()).not.toMatch(/1234|search|q=/);
    expect(partnerFiltersFromParams(params)).toEqual(f);
    expect(partnerFiltersFromParams(new URLSearchParams('q=김철수'))).toEqual({ page: 1 });
  });

  it('usePartners searches with a POST body that carries the filters too', async () => {
    const bodies: unknown[] = [];
    const urls: URL[] = [];
    server.use(
      http.post(`${API}/admin/partners/search`, async ({ request }) => {
        urls.push(new URL(request.url));
        bodies.push(await request.json());
        return HttpResponse.json(partnerListFixture(1, 1));
      }),
    );
    const filters = { status: 'approved' as const, search: ' 김철수 ', services: ['SASH'], districtCode: '41830' };
    const { result } = renderHook(() => usePartners(filters), { wrapper: createWrapper(createTestQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(urls.map((u) => u.search)).toEqual(['']);
    expect(bodies).toEqual([
      { search: '김철수', status: 'approved', services: ['SASH'], district_code: '41830', province_code: null, page: 1, page_size: 20 },
    ]);
  });

  it('usePartners sends the filters; the next page waits for intent', async () => {
    const seen: URL[] = [];
    server.use(
      http.get(`${API}/admin/partners`, ({ request }) => {
        const url = new URL(request.url);
        seen.push(url);
        return HttpResponse.json(partnerListFixture(Number(url.searchParams.get('page')), 2));
      }),
    );
    const filters = { status: 'pending' as const, services: ['SASH'], provinceCode: '41' };
    const { result } = renderHook(() => ({ list: usePartners(filters), prefetchPage: usePartnersPagePrefetch(filters) }), {
      wrapper: createWrapper(createTestQueryClient()),
    });
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    expect(seen[0]!.searchParams.getAll('services')).toEqual(['SASH']);
    expect(seen[0]!.searchParams.get('province_code')).toBe('41');
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.map((u) => u.searchParams.get('page'))).toEqual(['1']);
    act(() => result.current.prefetchPage(2));
    await waitFor(() => expect(seen.map((u) => u.searchParams.get('page'))).toEqual(['1', '2']));
    expect(seen[1]!.searchParams.get('province_code')).toBe('41');
  });
});

describe('partner status change (optimistic)', () => {
  it('approves at once in the detail and the list, then keeps the server answer', async () => {
    const queryClient = createTestQueryClient();
    const detailKey = partnerQueries.detail(20).queryKey;
    const listKey = partnerQueries.list({}).queryKey;
    queryClient.setQueryData(detailKey, partnerFixture());
    queryClient.setQueryData(listKey, partnerListFixture());
    const gate = deferred();
    let body: unknown = null;
    server.use(
      http.post(`${API}/admin/partners/20/status`, async ({ request }) => {
        body = await request.json();
        await gate.promise;
        return HttpResponse.json(partnerFixture({ status: 'approved', status_label: '승인됨', version: 3, allowed_transitions: ['suspended', 'inactive'] }));
      }),
      http.get(`${API}/admin/partners/20`, () => HttpResponse.json(partnerViewFixture({ status: 'approved', status_label: '승인됨', version: 3 }))),
      http.get(`${API}/admin/partners`, () => HttpResponse.json(partnerListFixture())),
    );
    const { result } = renderHook(() => useChangePartnerStatus(), { wrapper: createWrapper(queryClient) });
    act(() => result.current.mutate({ partnerId: 20, status: 'approved', reason: null, sendSms: true, version: 2 }));
    await waitFor(() => expect(queryClient.getQueryData<PartnerDetail>(detailKey)?.status).toBe('approved'));
    expect(queryClient.getQueryData<PartnerList>(listKey)?.items[0]?.status).toBe('approved');
    gate.resolve();
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(body).toEqual({ status: 'approved', reason: null, send_sms: true, version: 2 });
    expect(queryClient.getQueryData<PartnerDetail>(detailKey)?.version).toBe(3);
  });

  it('rolls back on 409 version_conflict and says what the partner is now', async () => {
    const queryClient = createTestQueryClient();
    const detailKey = partnerQueries.detail(20).queryKey;
    queryClient.setQueryData(detailKey, partnerFixture());
    server.use(
      http.post(`${API}/admin/partners/20/status`, () => HttpResponse.json({ code: 'version_conflict', message: '충돌' }, { status: 409 })),
      http.get(`${API}/admin/partners/20`, () => HttpResponse.json(partnerViewFixture({ status: 'rejected', status_label: '거절됨', version: 4 }))),
      http.get(`${API}/admin/partners`, () => HttpResponse.json(partnerListFixture())),
    );
    const { result } = renderHook(() => useChangePartnerStatus(), { wrapper: createWrapper(queryClient) });
    act(() => result.current.mutate({ partnerId: 20, status: 'approved', reason: null, sendSms: false, version: 2 }));
    await waitFor(() => expect(toast.list().some((t) => t.title === '다른 관리자가 먼저 수정했습니다')).toBe(true));
    expect(toast.list().at(-1)?.description).toContain("'거절됨'");
    await waitFor(() => expect(queryClient.getQueryData<PartnerDetail>(detailKey)).toMatchObject({ status: 'rejected', version: 4 }));
  });
});

describe('partner timeline', () => {
  it('merges memos and status notes with the audit trail, without views or repeated status changes', () => {
    const entries = mergePartnerTimeline(
      [
        { id: 1, partner_id: 20, admin_id: 1, admin_name: '관리자', note_type: 'memo', content: '통화함', old_status: null, new_status: null, created_at: '2026-11-27T01:00:00Z' },
        { id: 2, partner_id: 20, admin_id: 1, admin_name: '관리자', note_type: 'status_change', content: '승인', old_status: 'pending', new_status: 'approved', created_at: '2026-11-28T01:00:00Z' },
      ],
      [
        { id: 9, created_at: '2026-11-28T01:00:01Z', admin_id: 1, admin_name: '관리자', action: 'status_change', entity_type: 'partner', entity_id: 20, summary: 'x', before: null, after: null, ip_address: null, user_agent: null, request_id: null },
        { id: 10, created_at: '2026-11-28T02:00:00Z', admin_id: 1, admin_name: '관리자', action: 'file_download', entity_type: 'partner', entity_id: 20, summary: '사업자등록증 내려받음', before: null, after: null, ip_address: null, user_agent: null, request_id: null },
      ],
    );
    expect(entries.map((e) => e.title)).toEqual(['사업자등록증 내려받음', '상태 변경: 대기중 → 승인됨', '메모']);
    expect(entries.find((e) => e.kind === 'memo')?.noteId).toBe(1);
  });
});
