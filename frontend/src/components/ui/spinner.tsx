import { cn } from '@/lib/cn';

/** Spinner; `label` is read by screen readers (null when the parent already announces the state). */
export function Spinner({ className, label = '불러오는 중' }: { className?: string; label?: string | null }) {
  return (
    <span role={label ? 'status' : undefined} className="inline-flex items-center">
      <svg className={cn('animate-spin text-current', className ?? 'size-6')} viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="3" fill="none" opacity="0.25" />
        <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="3" fill="none" strokeLinecap="round" />
      </svg>
      {label && <span className="sr-only">{label}</span>}
    </span>
  );
}
