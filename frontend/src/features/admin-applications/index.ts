export { applicationQueries, normalizeFilters, PAGE_SIZE, type ApplicationListFilters } from './api/application-queries';
export { useUpdateApplicationStatus } from './api/application-mutations';
export { ApplicationsListView } from './components/applications-list-view';
export { useApplicationDetail } from './hooks/use-application-detail';
export { useApplications } from './hooks/use-applications';
export { ApplicationDetailView } from './components/application-detail-view';
