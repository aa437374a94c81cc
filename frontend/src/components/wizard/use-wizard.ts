import { useCallback, useEffect, useRef, useState } from 'react';

/** Step state of a wizard; moving focuses the step heading so screen readers announce the new step. */
export function useWizard(stepCount: number) {
  const [step, setStep] = useState(0);
  // Bumped by every move (a move to the same step included), so the effect below runs once per move.
  const [moves, setMoves] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Right after React commits the move, before the person can click into the new step's first field: a focus
  // scheduled for a later frame could land after that click and swallow what they start typing.
  useEffect(() => {
    if (moves === 0) return;
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }, [moves]);

  const goTo = useCallback(
    (next: number) => {
      setStep(Math.max(0, Math.min(stepCount - 1, next)));
      setMoves((n) => n + 1);
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
