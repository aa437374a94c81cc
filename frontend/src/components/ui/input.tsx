import { forwardRef, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

import { cn } from '@/lib/cn';

const BASE =
  'w-full rounded-xl border-2 border-slate-300 bg-white px-4 text-lg text-slate-900 placeholder:text-slate-500 ' +
  'focus:border-brand-500 focus:outline-none focus-visible:outline-none focus:ring-4 focus:ring-brand-100 ' +
  'aria-[invalid=true]:border-red-600 disabled:bg-slate-100';

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input(
  { className, ...rest },
  ref,
) {
  return <input ref={ref} className={cn(BASE, 'min-h-14', className)} {...rest} />;
});

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(
  function Textarea({ className, ...rest }, ref) {
    return <textarea ref={ref} className={cn(BASE, 'min-h-40 py-3 leading-relaxed', className)} {...rest} />;
  },
);

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function Select(
  { className, children, ...rest },
  ref,
) {
  return (
    <select ref={ref} className={cn(BASE, 'min-h-14 appearance-auto pr-3', className)} {...rest}>
      {children}
    </select>
  );
});
