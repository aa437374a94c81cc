import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { cn } from '@/lib/cn';

interface StatCardProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  Icon?: LucideIcon;
  /** A filter card: pressed state and click handler. */
  active?: boolean;
  onClick?: () => void;
  to?: string;
  className?: string;
  /** Smaller type on phones (filter cards in a dense grid). */
  compact?: boolean;
}

/** A number with its label; a button when it filters, a link when it navigates. */
export function StatCard({ label, value, hint, Icon, active, onClick, to, className, compact }: StatCardProps) {
  const body = (
    <>
      <span className={cn('flex items-center gap-2 font-semibold text-slate-600', compact ? 'text-xs sm:text-sm' : 'text-sm')}>
        {Icon && <Icon className="size-5 text-brand-700" aria-hidden="true" />}
        {label}
      </span>
      <span className={cn('font-extrabold text-slate-900 tabular-nums', compact ? 'text-xl sm:text-3xl' : 'text-3xl')}>{value}</span>
      {hint && <span className="text-sm text-slate-500">{hint}</span>}
    </>
  );
  const base = cn(
    'flex flex-col items-start gap-1 rounded-2xl border-2 bg-white text-left shadow-sm',
    compact ? 'min-h-16 p-2.5 sm:min-h-20 sm:p-3' : 'min-h-24 p-4',
    active ? 'border-brand-600 ring-4 ring-brand-100' : 'border-slate-200',
    (onClick || to) && 'transition-colors hover:border-brand-500 focus-visible:outline-none focus-visible:ring-4 focus-visible:ring-brand-200',
    className,
  );
  if (to) {
    return (
      <Link to={to} className={base}>
        {body}
      </Link>
    );
  }
  if (onClick) {
    return (
      <button type="button" className={base} aria-pressed={active ?? false} onClick={onClick}>
        {body}
      </button>
    );
  }
  return <div className={base}>{body}</div>;
}
