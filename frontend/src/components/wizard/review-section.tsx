import { Pencil } from 'lucide-react';
import type { ReactNode } from 'react';

/** One block of a wizard's review step with a "수정" jump back to its step. */
export function ReviewSection({ title, onEdit, children }: { title: string; onEdit: () => void; children: ReactNode }) {
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-5">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="text-lg font-bold">{title}</h2>
        <button
          type="button"
          onClick={onEdit}
          className="inline-flex min-h-12 items-center gap-1.5 rounded-xl px-3 font-semibold text-brand-700 hover:bg-brand-50"
          aria-label={`${title} 수정`}
        >
          <Pencil className="size-4" aria-hidden="true" />
          수정
        </button>
      </div>
      <dl className="flex flex-col gap-3">{children}</dl>
    </section>
  );
}

export function ReviewRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_1fr] gap-2 text-base">
      <dt className="font-semibold text-slate-600">{label}</dt>
      <dd className="break-words whitespace-pre-wrap text-slate-900">{children || <span className="text-slate-500">없음</span>}</dd>
    </div>
  );
}
