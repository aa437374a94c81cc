export { PartnerWizard } from './components/partner-wizard';
export { createPartner, useCreatePartner } from './api/create-partner';
