import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { applicationQueries, type ApplicationListFilters } from '../api/application-queries';

/**
 * The applications list: filters and page are the query key; the previous page stays on screen while the
 * next one loads (`keepPreviousData` in the options); the following page is prefetched once this one is in.
 */
export function useApplications(filters: ApplicationListFilters) {
  const queryClient = useQueryClient();
  const query = useQuery(applicationQueries.list(filters));
  const page = filters.page ?? 1;
  const totalPages = query.data?.total_pages ?? 0;
  const ready = query.isSuccess && !query.isPlaceholderData;

  useEffect(() => {
    if (ready && page < totalPages) {
      void queryClient.prefetchQuery(applicationQueries.list({ ...filters, page: page + 1 }));
    }
  }, [ready, page, totalPages, filters, queryClient]);

  return query;
}
