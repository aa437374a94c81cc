export { ApplyWizard } from './components/apply-wizard';
export { createApplication, useCreateApplication } from './api/create-application';
