/** What both public wizards do when "다음" is pressed and when a submission fails. */
import { errorMessage, isApiError } from '@/lib/errors';

import { distributeFieldErrors, FIELD_ERRORS_MESSAGE } from './field-errors';

export interface SubmitFailure {
  /** Which step a (top-level) field is on; `null` for fields no step shows. */
  stepOfField: (field: string) => number | null;
  /** Shows a server message on a field (form fields through `setError`, files on their own state). */
  setFieldError: (field: string, message: string) => void;
  goTo: (step: number) => void;
  setFormError: (message: string) => void;
  /** Called for a definite rejection: the corrected retry is a different body, so it needs a new key. */
  renewIdempotencyKey: () => void;
}

/**
 * A failed submission: field errors go onto their fields and the wizard returns to the earliest step that has one;
 * anything else becomes the form's message (with the wait of a 429). Network errors, 5xx and 429 keep the
 * Idempotency-Key, so a retry can still be answered with the first response; other 4xx renew it.
 */
export function reportSubmitFailure(error: unknown, on: SubmitFailure): void {
  if (!isApiError(error)) {
    on.setFormError(errorMessage(error));
    return;
  }
  if (error.isClientError && error.status !== 429) on.renewIdempotencyKey();
  const { step, leftovers } = distributeFieldErrors(error.fieldErrors, on.stepOfField, on.setFieldError);
  if (step !== null) {
    on.setFormError(leftovers.length ? leftovers.join(' ') : FIELD_ERRORS_MESSAGE);
    on.goTo(step);
    return;
  }
  const wait = error.status === 429 && error.retryAfter ? ` (${error.retryAfter}초 후 다시 시도)` : '';
  on.setFormError(`${error.message}${wait}`);
}

/** "다음": on the last step submit; otherwise validate this step and move on, or focus its first invalid field. */
export async function nextOrSubmit(step: {
  isLast: boolean;
  submit: () => Promise<void>;
  validate: () => Promise<boolean>;
  next: () => void;
  clearFormError: () => void;
  focusFirstError: () => void;
}): Promise<void> {
  if (step.isLast) {
    await step.submit();
    return;
  }
  if (await step.validate()) {
    step.clearFormError();
    step.next();
  } else step.focusFirstError();
}
