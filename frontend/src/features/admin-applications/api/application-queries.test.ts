import { http, HttpResponse } from 'msw';

import { applicationListFixture } from '@/testing/admin-fixtures';
import { createTestQueryClient } from '@/testing/render';
import { API, server } from '@/testing/server';

import { applicationQueries, normalizeFilters } from './application-queries';

describe('applicationQueries key factory', () => {
  it('nests keys from general to specific', () => {
    const all = applicationQueries.all();
    expect(applicationQueries.lists().slice(0, 1)).toEqual(all);
    expect(applicationQueries.list({ page: 2 }).queryKey.slice(0, 2)).toEqual(applicationQueries.lists());
    expect(applicationQueries.details().slice(0, 1)).toEqual(all);
    const detail = applicationQueries.detail(7).queryKey;
    expect(detail).toEqual(['applications', 'detail', 7]);
    for (const sub of [
      applicationQueries.notes(7),
      applicationQueries.history(7),
      applicationQueries.assignments(7),
      applicationQueries.ranking(7),
      applicationQueries.customerHistory(7),
    ]) {
      // Invalidating detail(7) reaches every section of that screen, and nothing of another application.
      expect(sub.queryKey.slice(0, 3)).toEqual(detail);
    }
    expect(applicationQueries.notes(8).queryKey.slice(0, 3)).not.toEqual(detail);
  });

  it('puts the filters and the page in the list key, canonically', () => {
    const a = applicationQueries.list({ services: ['WEEDING', 'SINK'], search: ' 홍길동 ', status: 'new' }).queryKey;
    const b = applicationQueries.list({ status: 'new', search: '홍길동', services: ['SINK', 'WEEDING'], page: 1, dateFrom: '' }).queryKey;
    expect(a).toEqual(b);
    expect(a.at(-1)).toEqual({ status: 'new', search: '홍길동', services: ['SINK', 'WEEDING'], page: 1 });
    expect(applicationQueries.list({ page: 2 }).queryKey).not.toEqual(applicationQueries.list({ page: 3 }).queryKey);
    expect(applicationQueries.list({ partnerId: 4 }).queryKey).not.toEqual(applicationQueries.list({}).queryKey);
  });

  it('normalizes away empty values and bad pages', () => {
    expect(normalizeFilters({ search: '   ', services: [], page: 0 })).toEqual({ page: 1 });
  });

  it('sends the filters as the API query with 20 per page', async () => {
    let url: URL | null = null;
    server.use(
      http.get(`${API}/admin/applications`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json(applicationListFixture(2));
      }),
    );
    const client = createTestQueryClient();
    await client.fetchQuery(
      applicationQueries.list({ status: 'consulting', dateFrom: '2026-11-01', dateTo: '2026-11-30', services: ['SINK', 'DECK_WORK'], partnerId: 4, page: 2 }),
    );
    const q = url!.searchParams;
    expect(q.get('status')).toBe('consulting');
    expect(q.get('date_from')).toBe('2026-11-01');
    expect(q.get('date_to')).toBe('2026-11-30');
    expect(q.get('services')).toBe('DECK_WORK,SINK');
    expect(q.get('partner_id')).toBe('4');
    expect(q.get('page')).toBe('2');
    expect(q.get('page_size')).toBe('20');
    expect(q.has('search')).toBe(false);
  });

  it('sends a search term and the filters in a POST body, never in the URL', async () => {
    const requests: { url: URL; body: unknown }[] = [];
    server.use(
      http.post(`${API}/admin/applications/search`, async ({ request }) => {
        requests.push({ url: new URL(request.url), body: await request.json() });
        return HttpResponse.json(applicationListFixture(2));
      }),
      http.get(`${API}/admin/applications`, () => HttpResponse.json({ code: 'unexpected' }, { status: 500 })),
    );
    const client = createTestQueryClient();
    const filters = { status: 'consulting' as const, search: ' 010-5239-0001 ', dateFrom: '2026-11-01', services: ['SINK', 'DECK_WORK'], partnerId: 4, page: 2 };
    const data = await client.fetchQuery(applicationQueries.list(filters));
    expect(data.page).toBe(2);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url.search).toBe('');
    expect(requests[0]!.body).toEqual({
      search: '010-5239-0001',
      status: ['consulting'],
      date_from: '2026-11-01',
      date_to: null,
      services: ['DECK_WORK', 'SINK'],
      partner_id: 4,
      page: 2,
      page_size: 20,
    });
    // The term stays in the in-memory key, the same shape as before.
    expect(applicationQueries.list(filters).queryKey.at(-1)).toMatchObject({ search: '010-5239-0001' });
  });
});
