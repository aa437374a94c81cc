export { distributeFieldErrors, FIELD_ERRORS_MESSAGE } from './field-errors';
export { ReviewRow, ReviewSection } from './review-section';
export { nextOrSubmit, reportSubmitFailure, type SubmitFailure } from './submission';
export { useWizard } from './use-wizard';
export { Wizard, type WizardStepText } from './wizard';
export { WizardLayout } from './wizard-layout';
