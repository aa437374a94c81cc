import { QueryObserver } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';

import { getServices } from '@/features/catalog';
import { createTestQueryClient } from '@/testing/render';
import { API, server } from '@/testing/server';

import { ApiError } from './errors';
import { GC_TIME, retryDelay, shouldRetry, STALE_TIME } from './query-client';

const err = (status: number) => new ApiError({ status, code: 'x', message: 'x' });

describe('retry policy', () => {
  it('never retries 4xx', () => {
    for (const status of [400, 401, 403, 404, 409, 422, 429]) expect(shouldRetry(0, err(status))).toBe(false);
  });

  it('retries network errors and 5xx up to 3 times', () => {
    expect(shouldRetry(0, err(0))).toBe(true);
    expect(shouldRetry(2, err(503))).toBe(true);
    expect(shouldRetry(3, err(503))).toBe(false);
  });

  it('does not retry unknown errors (bugs should surface)', () => {
    expect(shouldRetry(0, new TypeError('x'))).toBe(false);
  });

  it('backs off exponentially with a cap', () => {
    expect([0, 1, 2, 3, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 10_000]);
  });
});

describe('QueryClient defaults', () => {
  it('has deliberate cache defaults', () => {
    const defaults = createTestQueryClient().getDefaultOptions().queries!;
    expect(defaults.gcTime).toBe(GC_TIME);
    expect(defaults.staleTime).toBe(STALE_TIME.list);
    expect(defaults.refetchOnWindowFocus).toBe(false);
  });

  it('calls the server once for a 404 and four times for a persistent 503', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/services`, () => {
        calls += 1;
        return HttpResponse.json({ code: 'not_found', message: '없음' }, { status: 404 });
      }),
    );
    const client = createTestQueryClient();
    await expect(client.fetchQuery({ queryKey: ['a'], queryFn: ({ signal }) => getServices(signal), retry: client.getDefaultOptions().queries!.retry })).rejects.toBeInstanceOf(ApiError);
    expect(calls).toBe(1);

    calls = 0;
    server.use(
      http.get(`${API}/services`, () => {
        calls += 1;
        return HttpResponse.json({ code: 'unavailable', message: '점검 중' }, { status: 503 });
      }),
    );
    const observer = new QueryObserver(client, { queryKey: ['b'], queryFn: ({ signal }) => getServices(signal) });
    await new Promise<void>((resolve) => {
      const unsubscribe = observer.subscribe((r) => {
        if (r.isError) {
          unsubscribe();
          resolve();
        }
      });
    });
    expect(calls).toBe(4);
  });
});
