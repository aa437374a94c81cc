import { useId, type ReactNode } from 'react';

import { cn } from '@/lib/cn';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  'aria-required': boolean | undefined;
}

interface FieldProps {
  label: ReactNode;
  /** Rendered with the ids wiring label, hint and error to the control. */
  children: (control: FieldControlProps) => ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  /** Counter or other content at the right of the label row. */
  aside?: ReactNode;
}

/** Label + control + hint + error, tied together with ids so screen readers announce all of them. */
export function Field({ label, children, error, hint, required, className, aside }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('flex flex-col gap-2', className)}>
      <div className="flex items-end justify-between gap-2">
        <label htmlFor={id} className="text-base font-semibold text-slate-900">
          {label}
          {required ? (
            <span className="ml-1 text-red-700" aria-hidden="true">
              *
            </span>
          ) : (
            <span className="ml-1.5 text-sm font-normal text-slate-500">(선택)</span>
          )}
        </label>
        {aside}
      </div>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required || undefined,
      })}
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <FieldErrorText id={errorId} message={error} />
    </div>
  );
}

export function FieldErrorText({ id, message }: { id?: string | undefined; message?: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="flex items-start gap-1.5 text-base font-medium text-red-700">
      <span aria-hidden="true">!</span>
      {message}
    </p>
  );
}
