export { partnerQueries, normalizePartnerFilters, type PartnerListFilters } from './api/partner-queries';
export { useChangePartnerStatus } from './api/partner-mutations';
export { PartnerDetailView } from './components/partner-detail-view';
export { PartnersListView } from './components/partners-list-view';
export { usePartnerDetail } from './hooks/use-partner-detail';
export { usePartners } from './hooks/use-partners';
