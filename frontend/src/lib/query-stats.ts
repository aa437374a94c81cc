/**
 * Query-read statistics for the end-to-end cache test. This module is its own chunk, fetched only when
 * `installQueryStatsIfAsked` finds the test's flag: normal production use never downloads or runs it.
 *
 * A "read" is a component starting to watch an enabled query (an observer added to it, including when a screen
 * switches its key to another page or filter). Whether a read needed the network is measured outside, by counting
 * the browser's GET requests to /api/v1/; `freshReads` (the query had fresh data at that moment) is a cross-check.
 * `fetchKeys` counts fetches per query family (the key's first two parts), with `prefetches` the ones no
 * component was watching at the time: together they say which queries go back to the server and why.
 */
import type { QueryCacheNotifyEvent, QueryClient } from '@tanstack/react-query';

export interface QueryStats {
  reads: number;
  freshReads: number;
  fetches: number;
  prefetches: number;
  keys: Record<string, number>;
  fetchKeys: Record<string, number>;
}

declare global {
  interface Window {
    __jibsaQueryStats?: {
      get: () => QueryStats;
      reset: () => void;
      /** No query is fetching right now (the test waits for this before leaving a screen). */
      idle: () => boolean;
    } | null;
  }
}

function isEnabled(event: Extract<QueryCacheNotifyEvent, { type: 'observerAdded' }>): boolean {
  const enabled = event.observer.options.enabled;
  if (typeof enabled === 'function') return enabled(event.query) !== false;
  return enabled !== false;
}

const family = (key: readonly unknown[]) => JSON.stringify(key.slice(0, 2));

function empty(): QueryStats {
  return { reads: 0, freshReads: 0, fetches: 0, prefetches: 0, keys: {}, fetchKeys: {} };
}

export function installQueryStats(client: QueryClient): void {
  let stats = empty();
  client.getQueryCache().subscribe((event) => {
    if (event.type === 'observerAdded' && isEnabled(event)) {
      stats.reads += 1;
      const staleTime = event.observer.options.staleTime;
      const fresh = event.query.state.data !== undefined && !event.query.isStaleByTime(typeof staleTime === 'number' ? staleTime : 0);
      if (fresh) stats.freshReads += 1;
      const name = family(event.query.queryKey);
      stats.keys[name] = (stats.keys[name] ?? 0) + 1;
    } else if (event.type === 'updated' && event.action.type === 'fetch') {
      stats.fetches += 1;
      if (event.query.getObserversCount() === 0) stats.prefetches += 1;
      const name = family(event.query.queryKey);
      stats.fetchKeys[name] = (stats.fetchKeys[name] ?? 0) + 1;
    }
  });
  window.__jibsaQueryStats = {
    get: () => structuredClone(stats),
    reset: () => {
      stats = empty();
    },
    idle: () => client.isFetching() === 0,
  };
}
