import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import { partnerQueries, type PartnerListFilters } from '../api/partner-queries';

/** Partner list: filters and page in the key, previous page kept while loading. */
export function usePartners(filters: PartnerListFilters) {
  return useQuery(partnerQueries.list(filters));
}

/** Prefetches another page of the same list on intent (pointer or focus on its pagination button), not eagerly. */
export function usePartnersPagePrefetch(filters: PartnerListFilters) {
  const queryClient = useQueryClient();
  return useCallback((page: number) => void queryClient.prefetchQuery(partnerQueries.list({ ...filters, page })), [filters, queryClient]);
}
