import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

export function EmptyState({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-2xl border-2 border-dashed border-slate-300 px-6 py-12 text-center">
      <Icon className="size-10 text-slate-400" aria-hidden="true" />
      <p className="text-lg font-semibold text-slate-800">{title}</p>
      {children && <div className="max-w-md text-slate-600">{children}</div>}
    </div>
  );
}
