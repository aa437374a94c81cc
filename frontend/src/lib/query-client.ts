import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';

import { authSession } from './auth-session';
import { isApiError } from './errors';

/** How long each kind of data counts as fresh. Query options pick one of these. */
export const STALE_TIME = {
  /** Catalogue, regions, company profile: change a few times a year. */
  reference: 60 * 60 * 1000,
  /**
   * Admin lists and records. The company has a handful of admins: what changes under a screen is almost always the
   * admin's own action, and every mutation invalidates the keys it touches at once. Another admin's change shows
   * within a minute, and an edit made on stale data is refused by the server (409 version_conflict) and refetched.
   */
  list: 60 * 1000,
  /** One record being looked at (same reasoning as lists). */
  detail: 60 * 1000,
} as const;

export const GC_TIME = 10 * 60 * 1000;
export const MAX_QUERY_RETRIES = 3;

/**
 * Retry only what can succeed on a second try: network failures and 5xx (GET queries only — mutations
 * never retry automatically; their Idempotency-Key makes a user-initiated retry safe). Never 4xx.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_QUERY_RETRIES) return false;
  if (!isApiError(error)) return false;
  return error.isNetwork || error.status >= 500;
}

/** Exponential backoff: 1 s, 2 s, 4 s … capped at 10 s. */
export function retryDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 10_000);
}

/** 401 that survived the refresh-and-retry in the API client: the session is over. Handled once, here. */
function handleAuthError(error: unknown) {
  if (isApiError(error) && error.status === 401 && authSession.hasSession()) {
    authSession.clear();
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: handleAuthError }),
    mutationCache: new MutationCache({ onError: handleAuthError }),
    defaultOptions: {
      queries: {
        staleTime: STALE_TIME.list,
        gcTime: GC_TIME,
        retry: shouldRetry,
        retryDelay,
        // Heavy admin lists must not refetch every time the window regains focus; queries that want it opt in.
        refetchOnWindowFocus: false,
      },
      mutations: {
        retry: false,
      },
    },
  });
}
