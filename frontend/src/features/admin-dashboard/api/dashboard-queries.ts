import { queryOptions } from '@tanstack/react-query';

import { adminDashboardGet } from '@/client/sdk.gen';
import type { Dashboard } from '@/client/types.gen';
import '@/lib/api-client';
import { STALE_TIME } from '@/lib/query-client';

/** Query keys of the dashboard, general → specific. */
export const dashboardQueries = {
  all: () => ['dashboard'] as const,
  summary: () =>
    queryOptions({
      queryKey: [...dashboardQueries.all(), 'summary'] as const,
      queryFn: ({ signal }) => getDashboard(signal),
      staleTime: STALE_TIME.list,
    }),
};

export async function getDashboard(signal?: AbortSignal): Promise<Dashboard> {
  const { data } = await adminDashboardGet({ signal, throwOnError: true });
  return data;
}
