import { detectSearchKind } from './search-hint';
import { filtersFromParams, paramsFromFilters } from './use-application-filters';

describe('list filters in the URL', () => {
  it('round-trips through search params, all but the search term', () => {
    const filters = { status: 'scheduled' as const, dateFrom: '2026-11-01', services: ['SINK', 'WEEDING'], partnerId: 3, page: 4 };
    const params = paramsFromFilters({ ...filters, search: '홍길동' });
    expect(params.toString()).toBe('status=scheduled&from=2026-11-01&services=SINK%2CWEEDING&partner=3&page=4');
    expect(filtersFromParams(params)).toEqual(filters);
  });

  it('never reads a search term from the URL', () => {
    expect(filtersFromParams(new URLSearchParams('q=01012345678&search=01012345678'))).toEqual({ page: 1 });
  });

  it('ignores unknown or malformed values', () => {
    const f = filtersFromParams(new URLSearchParams('status=bogus&from=yesterday&partner=-1&page=abc'));
    expect(f).toEqual({ page: 1 });
  });

  it('leaves page 1 out of the URL', () => {
    expect(paramsFromFilters({ page: 1 }).toString()).toBe('');
  });
});

describe('search type hint', () => {
  it.each([
    ['20261128-001', 'number'],
    ['20261128', 'number'],
    ['2026112800', 'number'],
    ['010-1234-5678', 'phone'],
    ['01012345678', 'phone'],
    ['5678', 'last4'],
    ['홍길동', 'name'],
    ['123', 'unknown'],
    ['', null],
  ])('%s → %s', (text, kind) => {
    expect(detectSearchKind(text)).toBe(kind);
  });
});
