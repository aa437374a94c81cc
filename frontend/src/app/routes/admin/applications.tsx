import { useQuery } from '@tanstack/react-query';

import { ApplicationsListView } from '@/features/admin-applications';
import { catalogQueries } from '@/features/catalog';

/** The app layer composes features: the list gets the catalogue (service filter) as a prop. */
export function Component() {
  const services = useQuery(catalogQueries.services());
  return <ApplicationsListView categories={services.data?.categories ?? []} />;
}
