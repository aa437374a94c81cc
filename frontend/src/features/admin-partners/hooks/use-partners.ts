import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { partnerQueries, type PartnerListFilters } from '../api/partner-queries';

/** Partner list: filters and page in the key, previous page kept while loading, next page prefetched. */
export function usePartners(filters: PartnerListFilters) {
  const queryClient = useQueryClient();
  const query = useQuery(partnerQueries.list(filters));
  const page = filters.page ?? 1;
  const totalPages = query.data?.total_pages ?? 0;
  const ready = query.isSuccess && !query.isPlaceholderData;
  useEffect(() => {
    if (ready && page < totalPages) void queryClient.prefetchQuery(partnerQueries.list({ ...filters, page: page + 1 }));
  }, [ready, page, totalPages, filters, queryClient]);
  return query;
}
