import { cn } from '@/lib/cn';
import { APPLICATION_STATUS, ASSIGNMENT_STATUS, PARTNER_STATUS, type StatusTone } from '@/lib/status';

export const TONE_CLASSES: Record<StatusTone, string> = {
  neutral: 'bg-slate-100 text-slate-700 ring-slate-300',
  info: 'bg-brand-50 text-brand-800 ring-brand-200',
  success: 'bg-leaf-50 text-leaf-700 ring-leaf-100',
  warning: 'bg-amber-50 text-amber-900 ring-amber-300',
  danger: 'bg-red-50 text-red-800 ring-red-200',
  violet: 'bg-violet-50 text-violet-800 ring-violet-200',
  teal: 'bg-teal-50 text-teal-800 ring-teal-200',
};

type Kind = 'application' | 'assignment' | 'partner';

const TABLES = { application: APPLICATION_STATUS, assignment: ASSIGNMENT_STATUS, partner: PARTNER_STATUS } as const;

/** A status as a coloured chip with its Korean label (text, not colour alone, carries the meaning). */
export function StatusChip({ kind, status, label, className }: { kind: Kind; status: string; label?: string; className?: string }) {
  const entry = (TABLES[kind] as Record<string, { label: string; tone: StatusTone }>)[status];
  return (
    <span
      className={cn(
        'inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ring-1 ring-inset',
        TONE_CLASSES[entry?.tone ?? 'neutral'],
        className,
      )}
    >
      {label ?? entry?.label ?? status}
    </span>
  );
}
