export { catalogKeys, catalogQueries, regionQueries, getRegions, getServices } from './api/catalog-queries';
export type * from './api/types';
export { ServicesGrid } from './components/services-grid';
