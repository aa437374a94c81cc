import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import type { PartnerStatus } from '@/client/types.gen';
import { PARTNER_STATUS_ORDER } from '@/lib/status';

import { normalizePartnerFilters, type PartnerListFilters } from '../api/partner-queries';

export function partnerFiltersFromParams(params: URLSearchParams): PartnerListFilters {
  const status = params.get('status');
  const page = Number(params.get('page'));
  const province = params.get('province');
  const district = params.get('district');
  return normalizePartnerFilters({
    status: PARTNER_STATUS_ORDER.includes(status as PartnerStatus) ? (status as PartnerStatus) : undefined,
    search: params.get('q') ?? undefined,
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
  if (f.search) p.set('q', f.search);
  if (f.services?.length) p.set('services', f.services.join(','));
  if (f.districtCode) p.set('district', f.districtCode);
  if (f.provinceCode) p.set('province', f.provinceCode);
  if (f.page && f.page > 1) p.set('page', String(f.page));
  return p;
}

/** Partner list filters in the URL; any change but the page goes back to page 1. */
export function usePartnerFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => partnerFiltersFromParams(params), [params]);
  const update = useCallback(
    (patch: Partial<PartnerListFilters>) =>
      setParams((prev) => paramsFromPartnerFilters({ ...partnerFiltersFromParams(prev), ...patch, page: 'page' in patch ? patch.page : 1 })),
    [setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { filters, update, reset };
}
