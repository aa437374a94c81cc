import { queryOptions } from '@tanstack/react-query';

import { adminsList } from '@/client/sdk.gen';
import type { PageAdminRead } from '@/client/types.gen';

import './api-client';
import { STALE_TIME } from './query-client';

/**
 * The admin accounts (GET /admin/admins, the first 100: the company has a handful). The settings tab lists them
 * and the audit log's filter offers their names: one key for both, so the list is fetched and cached once.
 * Only super admins may list accounts; for others the query fails with a 403 (never retried), and the audit
 * filter simply has no names to offer.
 */
export const adminAccountKeys = {
  all: ['admins'] as const,
  list: () => [...adminAccountKeys.all, 'list'] as const,
};

export async function listAdminAccounts(signal?: AbortSignal): Promise<PageAdminRead> {
  const { data } = await adminsList({ query: { page_size: 100 }, signal, throwOnError: true });
  return data;
}

export const adminAccountQueries = {
  list: () => queryOptions({ queryKey: adminAccountKeys.list(), queryFn: ({ signal }) => listAdminAccounts(signal), staleTime: STALE_TIME.list }),
};
