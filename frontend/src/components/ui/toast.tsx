import { CheckCircle2, Info, X, XCircle } from 'lucide-react';
import { useSyncExternalStore } from 'react';

import { cn } from '@/lib/cn';

type ToastTone = 'success' | 'error' | 'info';

export interface ToastItem {
  id: number;
  tone: ToastTone;
  title: string;
  description?: string | undefined;
}

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

function dismiss(id: number) {
  items = items.filter((t) => t.id !== id);
  emit();
}

function push(tone: ToastTone, title: string, description?: string): number {
  const id = nextId++;
  items = [...items.slice(-3), { id, tone, title, description }];
  emit();
  // Errors stay longer: a senior reader needs time for them.
  setTimeout(() => dismiss(id), tone === 'error' ? 8000 : 4000);
  return id;
}

/** A small toast store: mutation hooks call it; the admin shell renders <Toaster />. */
export const toast = {
  success: (title: string, description?: string) => push('success', title, description),
  error: (title: string, description?: string) => push('error', title, description),
  info: (title: string, description?: string) => push('info', title, description),
  dismiss,
  /** Current toasts (tests). */
  list: (): readonly ToastItem[] => items,
  clear: () => {
    items = [];
    emit();
  },
};

const STYLE: Record<ToastTone, { box: string; Icon: typeof Info }> = {
  success: { box: 'border-leaf-600 bg-leaf-50 text-leaf-700', Icon: CheckCircle2 },
  error: { box: 'border-red-600 bg-red-50 text-red-800', Icon: XCircle },
  info: { box: 'border-brand-500 bg-brand-50 text-brand-800', Icon: Info },
};

export function Toaster() {
  const current = useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => items,
    () => items,
  );
  return (
    <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-[60] flex flex-col items-center gap-2 px-4 sm:items-end">
      {current.map((t) => {
        const { box, Icon } = STYLE[t.tone];
        return (
          <div
            key={t.id}
            role={t.tone === 'error' ? 'alert' : 'status'}
            className={cn('pointer-events-auto flex w-full max-w-md items-start gap-3 rounded-xl border-2 p-4 shadow-lg', box)}
          >
            <Icon className="mt-0.5 size-6 shrink-0" aria-hidden="true" />
            <div className="flex-1">
              <p className="font-bold">{t.title}</p>
              {t.description && <p className="mt-0.5 text-base">{t.description}</p>}
            </div>
            <button type="button" className="rounded-lg p-1 hover:bg-black/5" aria-label="알림 닫기" onClick={() => dismiss(t.id)}>
              <X className="size-5" aria-hidden="true" />
            </button>
          </div>
        );
      })}
    </div>
  );
}
