import { queryOptions } from '@tanstack/react-query';

import { catalogServices, regionsAll } from '@/client/sdk.gen';
import type { ProvinceWithDistricts, Catalog } from '@/client/types.gen';
import '@/lib/api-client';
import { STALE_TIME } from '@/lib/query-client';

/** Query keys of the catalogue, general → specific. */
export const catalogKeys = {
  all: ['catalog'] as const,
  services: () => [...catalogKeys.all, 'services'] as const,
  regions: () => [...catalogKeys.all, 'regions'] as const,
};

export async function getServices(signal?: AbortSignal): Promise<Catalog> {
  const { data } = await catalogServices({ signal, throwOnError: true });
  return data;
}

export async function getRegions(signal?: AbortSignal): Promise<ProvinceWithDistricts[]> {
  const { data } = await regionsAll({ signal, throwOnError: true });
  return data;
}

export const catalogQueries = {
  /** Categories with their services, PREPARING ones included (shown disabled). */
  services: () =>
    queryOptions({
      queryKey: catalogKeys.services(),
      queryFn: ({ signal }) => getServices(signal),
      staleTime: STALE_TIME.reference,
    }),
};

export const regionQueries = {
  /** All provinces with their districts in one cacheable call. */
  all: () =>
    queryOptions({
      queryKey: catalogKeys.regions(),
      queryFn: ({ signal }) => getRegions(signal),
      staleTime: STALE_TIME.reference,
    }),
};
