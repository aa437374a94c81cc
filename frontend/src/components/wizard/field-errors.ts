/** How a wizard sorts a server refusal (422 field errors) onto its steps. */

export const FIELD_ERRORS_MESSAGE = '입력 내용을 확인해 주세요. 표시된 항목을 고쳐 주세요.';

/**
 * Sorts a server refusal's field errors onto the wizard: each known field gets its message through `assign`, and
 * the answer names the earliest step to go back to and the messages no step owns.
 */
export function distributeFieldErrors(
  fieldErrors: readonly { field: string; message: string }[],
  stepOfField: (field: string) => number | null,
  assign: (field: string, message: string) => void,
): { step: number | null; leftovers: string[] } {
  const steps: number[] = [];
  const leftovers: string[] = [];
  for (const fe of fieldErrors) {
    // Nested errors arrive as "work_regions.0.district_codes": they belong to the top-level field.
    const field = fe.field.split('.')[0] ?? fe.field;
    const target = stepOfField(field);
    if (target === null) {
      leftovers.push(fe.message);
      continue;
    }
    steps.push(target);
    assign(field, fe.message);
  }
  return { step: steps.length ? Math.min(...steps) : null, leftovers };
}
