import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';

import { cn } from '@/lib/cn';

interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: ReactNode;
  description?: ReactNode;
}

/** A checkbox whose whole row is the target (≥ 48 px). */
export const Checkbox = forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox(
  { label, description, className, disabled, ...rest },
  ref,
) {
  return (
    <label
      className={cn(
        'flex min-h-12 cursor-pointer items-start gap-3 rounded-xl py-2',
        disabled && 'cursor-not-allowed opacity-60',
        className,
      )}
    >
      <input
        ref={ref}
        type="checkbox"
        disabled={disabled}
        className="mt-0.5 size-6 shrink-0 cursor-pointer accent-brand-700"
        {...rest}
      />
      <span className="flex flex-col">
        <span className="text-base font-medium text-slate-900">{label}</span>
        {description && <span className="text-sm text-slate-600">{description}</span>}
      </span>
    </label>
  );
});
