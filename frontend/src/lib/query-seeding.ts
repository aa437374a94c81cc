import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * "Seeding the cache": some responses carry the data of other queries (an application's detail embeds its
 * assignments, first notes, customer history and audit history; a schedule month holds everything its month
 * stats count). The carrying query's `queryFn` writes those pieces under their own keys, so the carried queries
 * stay separate (each can be invalidated and refetched from its own endpoint) while a screen visit costs one
 * request.
 *
 * Carried queries often start in the same render as their carrier, before it has answered. `awaitInFlight`
 * lets them wait for that response instead of asking their own endpoint as well: it returns the carrier's
 * pending fetch when the carrier is being fetched right now, and `undefined` otherwise (then the carried query
 * asks its own endpoint — on a mutation's refetch of that one section, for instance). A failed carrier fetch
 * resolves to `undefined` too, so the carried query still tries its own endpoint.
 */
export function awaitInFlight<TData>(client: QueryClient, carrierKey: QueryKey): Promise<TData | undefined> | undefined {
  const query = client.getQueryCache().find<TData>({ queryKey: carrierKey, exact: true });
  const pending = query?.state.fetchStatus === 'fetching' ? query.promise : undefined;
  return pending?.catch(() => undefined);
}

/**
 * A carried query's data from its carrier's fetch in flight: waits for the carrier (when it is being fetched) and
 * returns what its `queryFn` seeded under `key`. `undefined` when there is nothing to wait for or the carrier
 * failed: the carried query then asks its own endpoint.
 */
export async function seededByCarrier<TData>(client: QueryClient, carrierKey: QueryKey, key: QueryKey): Promise<TData | undefined> {
  const pending = awaitInFlight(client, carrierKey);
  if (!pending || (await pending) === undefined) return undefined;
  return client.getQueryData<TData>(key);
}
