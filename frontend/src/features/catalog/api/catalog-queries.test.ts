import { http, HttpResponse } from 'msw';

import { STALE_TIME } from '@/lib/query-client';
import { catalogFixture } from '@/testing/fixtures';
import { createTestQueryClient } from '@/testing/render';
import { API, server } from '@/testing/server';

import { catalogKeys, catalogQueries, regionQueries } from './catalog-queries';

describe('catalog query keys', () => {
  it('go from general to specific so one invalidation can cover the feature', () => {
    expect(catalogKeys.all).toEqual(['catalog']);
    expect(catalogKeys.services()).toEqual(['catalog', 'services']);
    expect(catalogKeys.regions()).toEqual(['catalog', 'regions']);
    expect(catalogQueries.services().queryKey).toEqual(catalogKeys.services());
    expect(regionQueries.all().queryKey).toEqual(catalogKeys.regions());
  });

  it('treat reference data as fresh for an hour', () => {
    expect(catalogQueries.services().staleTime).toBe(STALE_TIME.reference);
    expect(regionQueries.all().staleTime).toBe(STALE_TIME.reference);
  });
});

describe('catalog queries', () => {
  it('serve a second read from the cache', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/services`, () => {
        calls += 1;
        return HttpResponse.json(catalogFixture);
      }),
    );
    const client = createTestQueryClient();
    const first = await client.fetchQuery(catalogQueries.services());
    const second = await client.fetchQuery(catalogQueries.services());
    expect(first.categories).toHaveLength(2);
    expect(second).toBe(first);
    expect(calls).toBe(1);
  });

  it('pass the query signal so a cancelled query aborts its request', async () => {
    let aborted = false;
    server.use(
      http.get(`${API}/regions/all`, async ({ request }) => {
        request.signal.addEventListener('abort', () => {
          aborted = true;
        });
        await new Promise((r) => setTimeout(r, 100));
        return HttpResponse.json([]);
      }),
    );
    const client = createTestQueryClient();
    const promise = client.fetchQuery(regionQueries.all()).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 10));
    await client.cancelQueries({ queryKey: catalogKeys.regions() });
    await promise;
    await new Promise((r) => setTimeout(r, 10));
    expect(aborted).toBe(true);
  });
});
