export { ReviewRow, ReviewSection } from './review-section';
export { useWizard } from './use-wizard';
export { WizardLayout } from './wizard-layout';
