import type { ReactNode } from 'react';

import { Alert } from '@/components/ui/alert';

import type { useWizard } from './use-wizard';
import { WizardLayout } from './wizard-layout';

export interface WizardStepText {
  title: string;
  description?: ReactNode;
}

interface WizardProps {
  /** The state from `useWizard` (current step, moves that focus the step heading). */
  wizard: ReturnType<typeof useWizard>;
  /** The wizard's name in the header ("견적 요청"). */
  title: string;
  /** Short step names for the progress bar. */
  steps: readonly string[];
  /** Heading and description of each step. */
  stepText: readonly WizardStepText[];
  /** Validate the current step and move on, or submit on the last step (also runs on Enter). */
  onNext: () => Promise<void> | void;
  submitLabel: string;
  submitting?: boolean;
  /** The form-level error, shown above the step's fields. */
  error?: string | null;
  errorTitle?: string;
  /** The fields of the current step. */
  children: ReactNode;
}

/**
 * A multi-step public form: the full-screen frame (progress, step heading that takes focus, back/next bar), one
 * <form> whose Enter key means "다음", and the form-level error. Steps only render their fields.
 */
export function Wizard({
  wizard,
  title,
  steps,
  stepText,
  onNext,
  submitLabel,
  submitting,
  error,
  errorTitle = '신청을 완료하지 못했습니다',
  children,
}: WizardProps) {
  const text = stepText[wizard.step];
  const next = () => void onNext();
  return (
    <WizardLayout
      title={title}
      steps={steps}
      step={wizard.step}
      headingRef={wizard.headingRef}
      stepTitle={text?.title ?? ''}
      stepDescription={text?.description}
      onPrev={wizard.prev}
      onNext={next}
      isFirst={wizard.isFirst}
      isLast={wizard.isLast}
      submitLabel={submitLabel}
      submitting={submitting ?? false}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
        className="flex flex-col gap-6"
      >
        {error && (
          <Alert tone="error" live title={errorTitle}>
            <p>{error}</p>
          </Alert>
        )}
        {children}
        {/* Enter in a text field submits the form: that is "다음", not a page reload. */}
        <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true">
          다음
        </button>
      </form>
    </WizardLayout>
  );
}
