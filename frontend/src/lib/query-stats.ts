/**
 * Query-read statistics for the end-to-end cache test. This module is its own chunk, fetched only when
 * `installQueryStatsIfAsked` finds the test's flag: normal production use never downloads or runs it.
 *
 * A "read" is a component starting to watch an enabled query (an observer added to it, including when a screen
 * switches its key to another page or filter). Whether a read needed the network is measured outside, by counting
 * the browser's GET requests to /api/v1/; `freshReads` (the query had fresh data at that moment) is a cross-check.
 */
import type { QueryCacheNotifyEvent, QueryClient } from '@tanstack/react-query';

export interface QueryStats {
  reads: number;
  freshReads: number;
  fetches: number;
  keys: Record<string, number>;
}

declare global {
  interface Window {
    __jibsaQueryStats?: { get: () => QueryStats; reset: () => void } | null;
  }
}

function isEnabled(event: Extract<QueryCacheNotifyEvent, { type: 'observerAdded' }>): boolean {
  const enabled = event.observer.options.enabled;
  if (typeof enabled === 'function') return enabled(event.query) !== false;
  return enabled !== false;
}

export function installQueryStats(client: QueryClient): void {
  let stats: QueryStats = { reads: 0, freshReads: 0, fetches: 0, keys: {} };
  client.getQueryCache().subscribe((event) => {
    if (event.type === 'observerAdded' && isEnabled(event)) {
      stats.reads += 1;
      const staleTime = event.observer.options.staleTime;
      const fresh = event.query.state.data !== undefined && !event.query.isStaleByTime(typeof staleTime === 'number' ? staleTime : 0);
      if (fresh) stats.freshReads += 1;
      const name = JSON.stringify(event.query.queryKey.slice(0, 2));
      stats.keys[name] = (stats.keys[name] ?? 0) + 1;
    } else if (event.type === 'updated' && event.action.type === 'fetch') {
      stats.fetches += 1;
    }
  });
  window.__jibsaQueryStats = {
    get: () => structuredClone(stats),
    reset: () => {
      stats = { reads: 0, freshReads: 0, fetches: 0, keys: {} };
    },
  };
}
