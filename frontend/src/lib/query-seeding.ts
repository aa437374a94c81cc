import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * "Seeding the cache": some responses carry the data of other queries (an application's detail embeds its
 * assignments, first notes and customer history; a schedule month holds everything its month stats count).
 * The carrying query's `queryFn` writes those pieces under their own keys, so the carried queries stay separate
 * (each can be invalidated and refetched from its own endpoint) while a screen visit costs one request.
 *
 * Carried queries often start in the same render as their carrier, before it has answered. `awaitInFlight`
 * lets them wait for that response instead of asking their own endpoint as well: it returns the carrier's
 * pending fetch when the carrier is being fetched right now, and `undefined` otherwise (then the carried query
 * asks its own endpoint — on a mutation's refetch, for instance). A failed carrier fetch resolves to
 * `undefined` too, so the carried query still tries its own endpoint.
 */
export function awaitInFlight<TData, TKey extends QueryKey>(
  client: QueryClient,
  carrier: FetchQueryOptions<TData, Error, TData, TKey>,
): Promise<TData | undefined> | undefined {
  const query = client.getQueryCache().find({ queryKey: carrier.queryKey, exact: true });
  if (query?.state.fetchStatus !== 'fetching') return undefined;
  // staleTime 0: join the running fetch even when the cached data would count as fresh.
  return client.fetchQuery({ ...carrier, staleTime: 0 }).catch(() => undefined);
}
