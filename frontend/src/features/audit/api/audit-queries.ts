import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';

import { auditList } from '@/client/sdk.gen';
import type { CursorPageAuditLogRead } from '@/client/types.gen';
import { adminAccountQueries } from '@/lib/admin-accounts-query';
import '@/lib/api-client';
import { STALE_TIME } from '@/lib/query-client';

export interface AuditFilters {
  entity_type?: string | undefined;
  admin_id?: number | undefined;
  action?: string | undefined;
  /** YYYY-MM-DD (KST), inclusive. */
  date_from?: string | undefined;
  date_to?: string | undefined;
}

export const AUDIT_PAGE_SIZE = 50;

function clean(filters: AuditFilters): AuditFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as AuditFilters;
}

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (filters: AuditFilters) => [...auditKeys.lists(), clean(filters)] as const,
};

export async function getAuditPage(filters: AuditFilters, cursor: string | null, signal?: AbortSignal): Promise<CursorPageAuditLogRead> {
  const { data } = await auditList({ query: { ...clean(filters), cursor, limit: AUDIT_PAGE_SIZE }, signal, throwOnError: true });
  return data;
}

export const auditQueries = {
  /** Newest first; "더 보기" follows the keyset cursor. The trail is append-only, so pages never shift. */
  list: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: auditKeys.list(filters),
      queryFn: ({ pageParam, signal }) => getAuditPage(filters, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor,
      staleTime: STALE_TIME.list,
      placeholderData: keepPreviousData,
    }),
  /**
   * Admin names for the filter: the shared admin-accounts query (the settings tab reads the same key), so the
   * names come from one request. Only super admins may list admins: for others it fails and offers no names.
   */
  adminOptions: () => queryOptions({ ...adminAccountQueries.list(), select: (page) => page.items }),
};
