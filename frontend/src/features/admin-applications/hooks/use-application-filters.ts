import { useCallback, useMemo } from 'react';

import type { ApplicationStatus } from '@/client/types.gen';
import { usePrivateSearchNavigation } from '@/lib/private-search';
import { APPLICATION_STATUS_ORDER } from '@/lib/status';

import { normalizeFilters, type ApplicationListFilters } from '../api/application-queries';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** URL search params → filters but the search term (unknown or malformed values are ignored). */
export function filtersFromParams(params: URLSearchParams): ApplicationListFilters {
  const status = params.get('status');
  const page = Number(params.get('page'));
  const partner = Number(params.get('partner'));
  const from = params.get('from');
  const to = params.get('to');
  return normalizeFilters({
    status: APPLICATION_STATUS_ORDER.includes(status as ApplicationStatus) ? (status as ApplicationStatus) : undefined,
    dateFrom: from && DATE.test(from) ? from : undefined,
    dateTo: to && DATE.test(to) ? to : undefined,
    services: params.get('services')?.split(',').filter(Boolean),
    partnerId: Number.isInteger(partner) && partner > 0 ? partner : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  });
}

/**
 * Filters → URL search params (page 1 and empty values are left out: short, shareable URLs). The search term is
 * never one of them: it is often personal data (see `usePrivateSearchNavigation`).
 */
export function paramsFromFilters(filters: ApplicationListFilters): URLSearchParams {
  const f = normalizeFilters(filters);
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.dateFrom) p.set('from', f.dateFrom);
  if (f.dateTo) p.set('to', f.dateTo);
  if (f.services?.length) p.set('services', f.services.join(','));
  if (f.partnerId) p.set('partner', String(f.partnerId));
  if (f.page && f.page > 1) p.set('page', String(f.page));
  return p;
}

/**
 * The list's filters live in the URL, its search term in the history entry's state: back/forward and reload keep
 * both, a shared link only the filters.
 */
export function useApplicationFilters() {
  const { params, search, go } = usePrivateSearchNavigation();
  const filters = useMemo(() => normalizeFilters({ ...filtersFromParams(params), search }), [params, search]);

  /** Changing any filter goes back to page 1; changing only the page keeps the rest. */
  const update = useCallback(
    (patch: Partial<ApplicationListFilters>) => {
      const next = normalizeFilters({ ...filters, ...patch, page: 'page' in patch ? patch.page : 1 });
      go(paramsFromFilters(next), next.search);
    },
    [filters, go],
  );

  const reset = useCallback(() => go(new URLSearchParams(), undefined), [go]);

  return { filters, update, reset };
}
