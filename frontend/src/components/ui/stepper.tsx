import { Check } from 'lucide-react';

import { cn } from '@/lib/cn';

/** Progress header of a wizard: "2 / 4 연락처" with a bar and step dots. */
export function Stepper({ steps, current }: { steps: readonly string[]; current: number }) {
  const pct = ((current + 1) / steps.length) * 100;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-base text-slate-700" aria-live="polite">
        <span className="font-bold text-brand-700">
          {current + 1} / {steps.length}
        </span>{' '}
        단계 · <span className="font-semibold text-slate-900">{steps[current]}</span>
      </p>
      <div
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-valuemin={1}
        aria-valuemax={steps.length}
        aria-valuenow={current + 1}
        aria-label="진행 단계"
      >
        <div className="h-full rounded-full bg-brand-700 transition-all" style={{ width: `${pct}%` }} />
      </div>
      <ol className="hidden gap-2 sm:flex">
        {steps.map((label, i) => (
          <li key={label} className="flex flex-1 items-center gap-2 text-sm">
            <span
              className={cn(
                'flex size-7 shrink-0 items-center justify-center rounded-full text-sm font-bold',
                i < current && 'bg-leaf-600 text-white',
                i === current && 'bg-brand-700 text-white',
                i > current && 'bg-slate-200 text-slate-600',
              )}
              aria-hidden="true"
            >
              {i < current ? <Check className="size-4" /> : i + 1}
            </span>
            <span className={cn(i === current ? 'font-semibold text-slate-900' : 'text-slate-600')}>{label}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
