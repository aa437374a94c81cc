import { queryOptions } from '@tanstack/react-query';

import { companyGet } from '@/client/sdk.gen';
import type { PublicCompany } from '@/client/types.gen';

import './api-client';
import { STALE_TIME } from './query-client';

/** The public company profile (settings), shared by every public page's header and footer. */
export const companyKeys = {
  all: ['company'] as const,
  profile: () => [...companyKeys.all, 'profile'] as const,
};

export async function getCompany(signal?: AbortSignal): Promise<PublicCompany> {
  const { data } = await companyGet({ signal, throwOnError: true });
  return data;
}

export const companyQueries = {
  profile: () =>
    queryOptions({
      queryKey: companyKeys.profile(),
      queryFn: ({ signal }) => getCompany(signal),
      staleTime: STALE_TIME.reference,
      // The header must never wait on this: the fallback is shown while it loads or when it fails.
      retry: 1,
    }),
};
