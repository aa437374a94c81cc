import { useCallback, useMemo } from 'react';

import type { PartnerStatus } from '@/client/types.gen';
import { usePrivateSearchNavigation } from '@/lib/private-search';
import { PARTNER_STATUS_ORDER } from '@/lib/status';

import { normalizePartnerFilters, type PartnerListFilters } from '../api/partner-queries';

/** URL search params → filters but the search term (kept in the history entry's state: it may be personal data). */
export function partnerFiltersFromParams(params: URLSearchParams): PartnerListFilters {
  const status = params.get('status');
  const page = Number(params.get('page'));
  const province = params.get('province');
  const district = params.get('district');
  return normalizePartnerFilters({
    status: PARTNER_STATUS_ORDER.includes(status as PartnerStatus) ? (status as PartnerStatus) : undefined,
    services: params.get('services')?.split(',').filter(Boolean),
    provinceCode: province && /^\d{2}$/.test(province) ? province : undefined,
    districtCode: district && /^\d{5}$/.test(district) ? district : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  });
}

export function paramsFromPartnerFilters(filters: PartnerListFilters): URLSearchParams {
  const f = normalizePartnerFilters(filters);
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.services?.length) p.set('services', f.services.join(','));
  if (f.districtCode) p.set('district', f.districtCode);
  if (f.provinceCode) p.set('province', f.provinceCode);
  if (f.page && f.page > 1) p.set('page', String(f.page));
  return p;
}

/** Partner list filters in the URL, the search term in the history entry's state; any change but the page goes back to page 1. */
export function usePartnerFilters() {
  const { params, search, go } = usePrivateSearchNavigation();
  const filters = useMemo(() => normalizePartnerFilters({ ...partnerFiltersFromParams(params), search }), [params, search]);
  const update = useCallback(
    (patch: Partial<PartnerListFilters>) => {
      const next = normalizePartnerFilters({ ...filters, ...patch, page: 'page' in patch ? patch.page : 1 });
      go(paramsFromPartnerFilters(next), next.search);
    },
    [filters, go],
  );
  const reset = useCallback(() => go(new URLSearchParams(), undefined), [go]);
  return { filters, update, reset };
}
