import { ChevronLeft, ChevronRight } from 'lucide-react';

import { cn } from '@/lib/cn';

/**
 * Page buttons around the current page: « 1 … 4 5 [6] 7 8 … 20 ». `onIntent` hears which page the admin is
 * reaching for (pointer on, or focus in, a button) so the screen can prefetch it before the click.
 */
export function Pagination({
  page,
  totalPages,
  onChange,
  onIntent,
  className,
}: {
  page: number;
  totalPages: number;
  onChange: (page: number) => void;
  onIntent?: (page: number) => void;
  className?: string;
}) {
  if (totalPages <= 1) return null;
  const pages = new Set<number>([1, totalPages]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= totalPages) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const intent = (p: number) =>
    onIntent && p !== page && p >= 1 && p <= totalPages ? { onPointerEnter: () => onIntent(p), onFocus: () => onIntent(p) } : {};
  const btn = 'flex min-h-11 min-w-11 items-center justify-center rounded-lg border-2 px-2 font-semibold tabular-nums';
  return (
    <nav aria-label="페이지" className={cn('flex flex-wrap items-center justify-center gap-1.5', className)}>
      <button
        type="button"
        className={cn(btn, 'border-slate-300 bg-white hover:bg-slate-50 disabled:opacity-40')}
        disabled={page <= 1}
        onClick={() => onChange(page - 1)}
        {...intent(page - 1)}
        aria-label="이전 페이지"
      >
        <ChevronLeft className="size-5" aria-hidden="true" />
      </button>
      {sorted.map((p, i) => (
        <span key={p} className="flex items-center gap-1.5">
          {i > 0 && p - sorted[i - 1]! > 1 && <span className="px-1 text-slate-500" aria-hidden="true">…</span>}
          <button
            type="button"
            className={cn(btn, p === page ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white hover:bg-slate-50')}
            aria-current={p === page ? 'page' : undefined}
            aria-label={`${p} 페이지`}
            onClick={() => onChange(p)}
            {...intent(p)}
          >
            {p}
          </button>
        </span>
      ))}
      <button
        type="button"
        className={cn(btn, 'border-slate-300 bg-white hover:bg-slate-50 disabled:opacity-40')}
        disabled={page >= totalPages}
        onClick={() => onChange(page + 1)}
        {...intent(page + 1)}
        aria-label="다음 페이지"
      >
        <ChevronRight className="size-5" aria-hidden="true" />
      </button>
    </nav>
  );
}
