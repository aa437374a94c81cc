import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import type { ApplicationStatus } from '@/client/types.gen';
import { APPLICATION_STATUS_ORDER } from '@/lib/status';

import { normalizeFilters, type ApplicationListFilters } from '../api/application-queries';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** URL search params → filters (unknown or malformed values are ignored). */
export function filtersFromParams(params: URLSearchParams): ApplicationListFilters {
  const status = params.get('status');
  const page = Number(params.get('page'));
  const partner = Number(params.get('partner'));
  const from = params.get('from');
  const to = params.get('to');
  return normalizeFilters({
    status: APPLICATION_STATUS_ORDER.includes(status as ApplicationStatus) ? (status as ApplicationStatus) : undefined,
    search: params.get('q') ?? undefined,
    dateFrom: from && DATE.test(from) ? from : undefined,
    dateTo: to && DATE.test(to) ? to : undefined,
    services: params.get('services')?.split(',').filter(Boolean),
    partnerId: Number.isInteger(partner) && partner > 0 ? partner : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  });
}

/** Filters → URL search params (page 1 and empty values are left out: short, shareable URLs). */
export function paramsFromFilters(filters: ApplicationListFilters): URLSearchParams {
  const f = normalizeFilters(filters);
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.search) p.set('q', f.search);
  if (f.dateFrom) p.set('from', f.dateFrom);
  if (f.dateTo) p.set('to', f.dateTo);
  if (f.services?.length) p.set('services', f.services.join(','));
  if (f.partnerId) p.set('partner', String(f.partnerId));
  if (f.page && f.page > 1) p.set('page', String(f.page));
  return p;
}

/** The list's filters live in the URL: back/forward, reload and shared links keep them. */
export function useApplicationFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);

  /** Changing any filter goes back to page 1; changing only the page keeps the rest. */
  const update = useCallback(
    (patch: Partial<ApplicationListFilters>) => {
      setParams((prev) => {
        const current = filtersFromParams(prev);
        const next = { ...current, ...patch, page: 'page' in patch ? patch.page : 1 };
        return paramsFromFilters(next);
      });
    },
    [setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  return { filters, update, reset };
}
