import { useCallback, useRef, useState } from 'react';

/** Step state of a wizard; moving focuses the step heading so screen readers announce the new step. */
export function useWizard(stepCount: number) {
  const [step, setStep] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const goTo = useCallback(
    (next: number) => {
      setStep(Math.max(0, Math.min(stepCount - 1, next)));
      // After React commits the new step.
      requestAnimationFrame(() => {
        window.scrollTo({ top: 0 });
        headingRef.current?.focus();
      });
    },
    [stepCount],
  );

  return {
    step,
    isFirst: step === 0,
    isLast: step === stepCount - 1,
    goTo,
    next: () => goTo(step + 1),
    prev: () => goTo(step - 1),
    headingRef,
  };
}
