import { useQuery } from '@tanstack/react-query';

import { PartnersListView } from '@/features/admin-partners';
import { catalogQueries, regionQueries } from '@/features/catalog';

/** The app layer hands the catalogue and regions (filters) to the partners list. */
export function Component() {
  const services = useQuery(catalogQueries.services());
  const regions = useQuery(regionQueries.all());
  return <PartnersListView categories={services.data?.categories ?? []} regions={regions.data ?? []} />;
}
