import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import { applicationQueries, type ApplicationListFilters } from '../api/application-queries';

/**
 * The applications list: filters and page are the query key; the previous page stays on screen while the
 * next one loads (`keepPreviousData` in the options).
 */
export function useApplications(filters: ApplicationListFilters) {
  return useQuery(applicationQueries.list(filters));
}

/**
 * Prefetches another page of the same list when the admin reaches for its button (pointer or focus on the
 * pagination), so the click finds it loaded or on its way. Not eagerly on every page shown: the measured admin
 * session found eager next-page prefetches were mostly never read (a request each for nothing).
 */
export function useApplicationsPagePrefetch(filters: ApplicationListFilters) {
  const queryClient = useQueryClient();
  return useCallback((page: number) => void queryClient.prefetchQuery(applicationQueries.list({ ...filters, page })), [filters, queryClient]);
}
