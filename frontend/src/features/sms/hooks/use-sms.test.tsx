import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';

import type { CursorPageSmsItem, SmsItem, SmsStats } from '@/client/types.gen';
import { createTestQueryClient } from '@/testing/render';
import { API, server } from '@/testing/server';

import { isJobDone, smsKeys, smsQueries } from '../api/sms-queries';

import { useResendSms, useSendSms, useSmsLogs, useSmsStats } from './use-sms';

function item(id: number, patch: Partial<SmsItem> = {}): SmsItem {
  return {
    id,
    recipient_masked: '010-****-5678',
    recipient_kind: 'customer',
    text: `[전방홈케어] 안내 ${id}`,
    subject: null,
    message_type: 'SMS',
    template_key: null,
    trigger: 'manual',
    reference_type: null,
    reference_id: null,
    bulk_job_id: null,
    retry_of_id: null,
    status: 'sent',
    attempts: 1,
    result_code: null,
    result_message: null,
    image_file_ids: [],
    created_by: 1,
    created_at: '2026-01-10T01:00:00Z',
    sent_at: null,
    ...patch,
  };
}

const bucket = { total: 2, queued: 0, sent: 1, failed: 1, cancelled: 0 };
const stats: SmsStats = { today: bucket, this_month: bucket, total: bucket };

function wrapper(client: QueryClient) {
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('sms query keys', () => {
  it('go from general to specific, with normalised filters in the log key', () => {
    expect(smsKeys.all).toEqual(['sms']);
    expect(smsKeys.logs()).toEqual(['sms', 'logs']);
    expect(smsKeys.logList({ status: 'failed', search: '010-1234-5678' })).toEqual(['sms', 'logs', { status: 'failed', search: '01012345678' }]);
    // Empty filters share one cache entry.
    expect(smsKeys.logList({ status: undefined, search: ' ' })).toEqual(smsKeys.logList({}));
    expect(smsKeys.detail(7)).toEqual(['sms', 'detail', 7]);
    expect(smsKeys.bulkJob(3)).toEqual(['sms', 'bulk', 3]);
    expect(smsQueries.logs({ trigger: 'bulk' }).queryKey).toEqual(smsKeys.logList({ trigger: 'bulk' }));
  });

  it('stop polling a bulk job once it is done', () => {
    expect(isJobDone({ status: 'processing' })).toBe(false);
    expect(isJobDone({ status: 'pending' })).toBe(false);
    expect(isJobDone({ status: 'completed' })).toBe(true);
    expect(isJobDone({ status: 'partial_failed' })).toBe(true);
  });
});

describe('useSmsLogs', () => {
  it('pages with the keyset cursor and passes the filters', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${API}/admin/sms`, ({ request }) => {
        const url = new URL(request.url);
        seen.push(url.search);
        const page: CursorPageSmsItem = url.searchParams.get('cursor')
          ? { items: [item(1)], next_cursor: null }
          : { items: [item(3), item(2)], next_cursor: 'c2' };
        return HttpResponse.json(page);
      }),
    );
    const client = createTestQueryClient();
    const { result } = renderHook(() => useSmsLogs({ status: 'sent' }), { wrapper: wrapper(client) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.hasNextPage).toBe(true);
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));
    expect(result.current.hasNextPage).toBe(false);
    expect(seen[0]).toContain('status=sent');
    expect(seen[1]).toContain('cursor=c2');
  });

  it('searches a phone through POST bodies, cursor included, with nothing in the URL', async () => {
    const requests: { search: string; body: Record<string, unknown> }[] = [];
    server.use(
      http.post(`${API}/admin/sms/search`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        requests.push({ search: new URL(request.url).search, body });
        const page: CursorPageSmsItem = body.cursor ? { items: [item(1)], next_cursor: null } : { items: [item(3)], next_cursor: 'c2' };
        return HttpResponse.json(page);
      }),
      http.get(`${API}/admin/sms`, () => HttpResponse.json({ code: 'unexpected' }, { status: 500 })),
    );
    const client = createTestQueryClient();
    const { result } = renderHook(() => useSmsLogs({ status: 'sent', search: '010-1234-5678' }), { wrapper: wrapper(client) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.pages).toHaveLength(1);
    expect(result.current.hasNextPage).toBe(true);
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));
    expect(requests.map((r) => r.search)).toEqual(['', '']);
    expect(requests.map((r) => r.body)).toEqual([
      { status: 'sent', search: '01012345678', cursor: null, limit: 30 },
      { status: 'sent', search: '01012345678', cursor: 'c2', limit: 30 },
    ]);
  });
});

describe('recipient picker query', () => {
  it('lists with GET and searches a name with a POST body', async () => {
    const requests: { method: string; search: string; body: unknown }[] = [];
    const empty = { items: [], total: 0, page: 1, page_size: 20, total_pages: 0 };
    server.use(
      http.get(`${API}/admin/sms/recipients`, ({ request }) => {
        requests.push({ method: 'GET', search: new URL(request.url).search, body: null });
        return HttpResponse.json(empty);
      }),
      http.post(`${API}/admin/sms/recipients/search`, async ({ request }) => {
        requests.push({ method: 'POST', search: new URL(request.url).search, body: await request.json() });
        return HttpResponse.json(empty);
      }),
    );
    const client = createTestQueryClient();
    await client.fetchQuery(smsQueries.recipients({ target_type: 'partner', page: 1 }));
    await client.fetchQuery(smsQueries.recipients({ target_type: 'customer', search: '홍길동', status: 'new', page: 2 }));
    expect(requests).toEqual([
      { method: 'GET', search: '?target_type=partner&page=1&page_size=20', body: null },
      { method: 'POST', search: '', body: { target_type: 'customer', search: '홍길동', status: 'new', page: 2, page_size: 20 } },
    ]);
  });
});

describe('useSendSms', () => {
  it('invalidates the logs and the stats after sending, with an Idempotency-Key', async () => {
    let key: string | null = null;
    let statsCalls = 0;
    server.use(
      http.post(`${API}/admin/sms/send`, ({ request }) => {
        key = request.headers.get('Idempotency-Key');
        return HttpResponse.json({ id: 9, status: 'queued', message_type: 'SMS', byte_length: 20, recipient_masked: '010-****-5678' }, { status: 202 });
      }),
      http.get(`${API}/admin/sms/stats`, () => {
        statsCalls += 1;
        return HttpResponse.json(stats);
      }),
    );
    const client = createTestQueryClient();
    const { result } = renderHook(() => ({ send: useSendSms(), stats: useSmsStats() }), { wrapper: wrapper(client) });
    await waitFor(() => expect(result.current.stats.isSuccess).toBe(true));
    expect(statsCalls).toBe(1);
    await act(() => result.current.send.mutateAsync({ body: { receiver_phone: '01012345678', message: '안녕하세요' } }));
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(statsCalls).toBe(2));
  });
});

describe('useResendSms', () => {
  const failed = item(5, { status: 'failed', result_code: '-101' });

  function seed(client: QueryClient) {
    client.setQueryData(smsKeys.logList({}), { pages: [{ items: [failed, item(4)], next_cursor: null }], pageParams: [null] });
    client.setQueryData(smsKeys.logList({ status: 'failed' }), { pages: [{ items: [failed], next_cursor: null }], pageParams: [null] });
    client.setQueryData(smsKeys.stats(), stats);
  }

  it('shows the queued retry at once, then refetches the truth', async () => {
    let release: () => void = () => undefined;
    server.use(
      http.post(`${API}/admin/sms/retry/5`, async () => {
        await new Promise<void>((r) => (release = r));
        return HttpResponse.json({ id: 6, status: 'queued', message_type: 'SMS', byte_length: 20, recipient_masked: '010-****-5678' }, { status: 202 });
      }),
      );
    const client = createTestQueryClient();
    seed(client);
    const { result } = renderHook(() => useResendSms(), { wrapper: wrapper(client) });
    act(() => result.current.mutate(failed));

    await waitFor(() => {
      const all = client.getQueryData<{ pages: CursorPageSmsItem[] }>(smsKeys.logList({}));
      expect(all?.pages[0]?.items[0]).toMatchObject({ status: 'queued', retry_of_id: 5 });
    });
    expect(client.getQueryData<{ pages: CursorPageSmsItem[] }>(smsKeys.logList({}))!.pages[0]!.items[0]!.id).toBeLessThan(0);
    // A "failed only" list would not show a queued message: left alone.
    expect(client.getQueryData<{ pages: CursorPageSmsItem[] }>(smsKeys.logList({ status: 'failed' }))!.pages[0]!.items).toEqual([failed]);
    expect(client.getQueryData<SmsStats>(smsKeys.stats())!.today.queued).toBe(1);

    release();
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    // Unwatched lists are marked stale and refetch the server's truth when a screen shows them again.
    expect(client.getQueryState(smsKeys.logList({}))?.isInvalidated).toBe(true);
    expect(client.getQueryState(smsKeys.logList({ status: 'failed' }))?.isInvalidated).toBe(true);
    expect(client.getQueryState(smsKeys.stats())?.isInvalidated).toBe(true);
  });

  it('rolls every cache back when the server refuses', async () => {
    server.use(
      http.post(`${API}/admin/sms/retry/5`, () =>
        HttpResponse.json({ code: 'not_failed', message: '실패한 문자만 다시 보낼 수 있습니다.', details: null }, { status: 409 }),
      ),
      // The invalidation after the error refetches: keep it slow so the rollback is observable first.
      http.get(`${API}/admin/sms`, async () => {
        await new Promise((r) => setTimeout(r, 200));
        return HttpResponse.json({ items: [failed, item(4)], next_cursor: null });
      }),
      http.get(`${API}/admin/sms/stats`, async () => {
        await new Promise((r) => setTimeout(r, 200));
        return HttpResponse.json(stats);
      }),
    );
    const client = createTestQueryClient();
    seed(client);
    const { result } = renderHook(() => useResendSms(), { wrapper: wrapper(client) });
    act(() => result.current.mutate(failed));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.message).toBe('실패한 문자만 다시 보낼 수 있습니다.');
    expect(client.getQueryData<{ pages: CursorPageSmsItem[] }>(smsKeys.logList({}))!.pages[0]!.items).toEqual([failed, item(4)]);
    expect(client.getQueryData<SmsStats>(smsKeys.stats())).toEqual(stats);
  });
});

describe('leaving the screen', () => {
  it('aborts the stats request when the last reader unmounts', async () => {
    let aborted = false;
    server.use(
      http.get(`${API}/admin/sms/stats`, async ({ request }) => {
        request.signal.addEventListener('abort', () => {
          aborted = true;
        });
        await new Promise((r) => setTimeout(r, 300));
        return HttpResponse.json(stats);
      }),
    );
    const client = createTestQueryClient();
    const { unmount } = renderHook(() => useSmsStats(), { wrapper: wrapper(client) });
    await new Promise((r) => setTimeout(r, 30));
    unmount();
    await waitFor(() => expect(aborted).toBe(true));
  });
});
