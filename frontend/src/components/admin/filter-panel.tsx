import { ChevronDown, SlidersHorizontal, X } from 'lucide-react';
import { useId, useState, type ReactNode } from 'react';

import type { CategoryWithServices } from '@/client/types.gen';
import { cn } from '@/lib/cn';

/** Inputs and selects inside a filter panel: compact, still 48 px tall. */
export const FILTER_INPUT_CLASS =
  'min-h-12 w-full rounded-xl border-2 border-slate-300 bg-white px-3 text-base focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none';

/**
 * The "상세 필터" panel of an admin list: a button that folds the filters away (with how many are in use), open at
 * first when some are.
 */
export function FilterPanel({
  activeCount,
  children,
  title = '상세 필터',
}: {
  /** Filters of this panel in use (shown on the button; the panel starts open when > 0). */
  activeCount: number;
  children: ReactNode;
  title?: string;
}) {
  const [open, setOpen] = useState(activeCount > 0);
  const id = useId();
  return (
    <div className="rounded-2xl border border-slate-200 bg-white">
      <button
        type="button"
        className="flex min-h-12 w-full items-center gap-2 px-4 text-left font-semibold"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        <SlidersHorizontal className="size-5 text-brand-700" aria-hidden="true" />
        {title}
        {activeCount > 0 && (
          <span className="rounded-full bg-brand-700 px-2 text-sm text-white">
            {activeCount}
            <span className="sr-only">개 사용 중</span>
          </span>
        )}
        <ChevronDown className={cn('ml-auto size-5 transition-transform', open && 'rotate-180')} aria-hidden="true" />
      </button>
      {open && (
        <div id={id} className="flex flex-col gap-5 border-t border-slate-200 p-4">
          {children}
        </div>
      )}
    </div>
  );
}

export interface FilterChip {
  key: string;
  label: string;
  clear: () => void;
}

/** Filters in use as chips, each with its own remove button, and "모두 지우기"; nothing when none are. */
export function FilterChips({ chips, onReset }: { chips: readonly FilterChip[]; onReset: () => void }) {
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="적용된 필터">
      {chips.map((c) => (
        <span key={c.key} className="inline-flex min-h-10 items-center gap-1 rounded-full bg-brand-50 pr-1 pl-3 text-sm font-semibold text-brand-800">
          {c.label}
          <button
            type="button"
            onClick={c.clear}
            className="flex size-8 items-center justify-center rounded-full hover:bg-brand-100"
            aria-label={`${c.label} 필터 지우기`}
          >
            <X className="size-4" aria-hidden="true" />
          </button>
        </span>
      ))}
      <button type="button" onClick={onReset} className="min-h-10 px-2 text-sm font-semibold text-slate-600 underline-offset-2 hover:underline">
        모두 지우기
      </button>
    </div>
  );
}

/** Services as toggle buttons grouped by category (a list matches any of the pressed ones). */
export function ServiceFilter({
  legend,
  categories,
  selected,
  onChange,
}: {
  legend: string;
  categories: readonly CategoryWithServices[];
  selected: readonly string[];
  onChange: (services: string[]) => void;
}) {
  const on = new Set(selected);
  const toggle = (code: string) => onChange(on.has(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-semibold">{legend}</legend>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {categories.map((c) => (
          <div key={c.code} className="rounded-xl bg-slate-50 p-3">
            <p className="mb-1.5 text-sm font-bold text-slate-700">{c.name}</p>
            <div className="flex flex-wrap gap-1.5">
              {c.services.map((s) => (
                <button
                  key={s.code}
                  type="button"
                  aria-pressed={on.has(s.code)}
                  onClick={() => toggle(s.code)}
                  className={cn(
                    'min-h-10 rounded-full border-2 px-3 text-sm font-semibold',
                    on.has(s.code) ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-700 hover:border-brand-500',
                  )}
                >
                  {s.name}
                </button>
              ))}
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
