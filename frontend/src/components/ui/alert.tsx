import { AlertTriangle, CheckCircle2, Info, XCircle } from 'lucide-react';
import type { ReactNode } from 'react';

import { cn } from '@/lib/cn';

type Tone = 'info' | 'success' | 'warning' | 'error';

const STYLES: Record<Tone, { box: string; Icon: typeof Info }> = {
  info: { box: 'border-brand-200 bg-brand-50 text-brand-800', Icon: Info },
  success: { box: 'border-leaf-100 bg-leaf-50 text-leaf-700', Icon: CheckCircle2 },
  warning: { box: 'border-amber-300 bg-amber-50 text-amber-900', Icon: AlertTriangle },
  error: { box: 'border-red-300 bg-red-50 text-red-800', Icon: XCircle },
};

export function Alert({
  tone = 'info',
  title,
  children,
  className,
  live = false,
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** Announce when it appears (errors after a submit). */
  live?: boolean;
}) {
  const { box, Icon } = STYLES[tone];
  return (
    <div
      role={live ? (tone === 'error' ? 'alert' : 'status') : undefined}
      className={cn('flex gap-3 rounded-xl border-2 p-4', box, className)}
    >
      <Icon className="mt-0.5 size-6 shrink-0" aria-hidden="true" />
      <div className="flex flex-col gap-1 text-base">
        {title && <p className="font-bold">{title}</p>}
        {children}
      </div>
    </div>
  );
}
