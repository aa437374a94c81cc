import { ChevronDown, SlidersHorizontal, X } from 'lucide-react';
import { useState } from 'react';

import type { CategoryWithServices, SchedulePartner } from '@/client/types.gen';
import { cn } from '@/lib/cn';
import { formatDate } from '@/lib/format';

import type { ApplicationListFilters } from '../api/application-queries';

const inputCls =
  'min-h-12 w-full rounded-xl border-2 border-slate-300 bg-white px-3 text-base focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none';

interface FilterPanelProps {
  filters: ApplicationListFilters;
  categories: CategoryWithServices[];
  partners: SchedulePartner[];
  onChange: (patch: Partial<ApplicationListFilters>) => void;
}

/** Advanced filters: created-date range, services grouped by category, partner. */
export function FilterPanel({ filters, categories, partners, onChange }: FilterPanelProps) {
  const active = (filters.services?.length ?? 0) + (filters.dateFrom ? 1 : 0) + (filters.dateTo ? 1 : 0) + (filters.partnerId ? 1 : 0);
  const [open, setOpen] = useState(active > 0);
  const selected = new Set(filters.services ?? []);
  const toggle = (code: string) => {
    const next = new Set(selected);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    onChange({ services: [...next] });
  };
  return (
    <div className="rounded-2xl border border-slate-200 bg-white">
      <button
        type="button"
        className="flex min-h-12 w-full items-center gap-2 px-4 text-left font-semibold"
        aria-expanded={open}
        aria-controls="application-filters"
        onClick={() => setOpen((v) => !v)}
      >
        <SlidersHorizontal className="size-5 text-brand-700" aria-hidden="true" />
        상세 필터
        {active > 0 && <span className="rounded-full bg-brand-700 px-2 text-sm text-white">{active}</span>}
        <ChevronDown className={cn('ml-auto size-5 transition-transform', open && 'rotate-180')} aria-hidden="true" />
      </button>
      {open && (
        <div id="application-filters" className="flex flex-col gap-5 border-t border-slate-200 p-4">
          <div className="grid gap-3 sm:grid-cols-3">
            <label className="flex flex-col gap-1.5 text-sm font-semibold">
              접수일 (시작)
              <input type="date" className={inputCls} value={filters.dateFrom ?? ''} max={filters.dateTo} onChange={(e) => onChange({ dateFrom: e.target.value || undefined })} />
            </label>
            <label className="flex flex-col gap-1.5 text-sm font-semibold">
              접수일 (끝)
              <input type="date" className={inputCls} value={filters.dateTo ?? ''} min={filters.dateFrom} onChange={(e) => onChange({ dateTo: e.target.value || undefined })} />
            </label>
            <label className="flex flex-col gap-1.5 text-sm font-semibold">
              협력사
              <select
                className={inputCls}
                value={filters.partnerId ?? ''}
                onChange={(e) => onChange({ partnerId: e.target.value ? Number(e.target.value) : undefined })}
              >
                <option value="">전체 협력사</option>
                {partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.company_name} (#{p.id})
                  </option>
                ))}
              </select>
            </label>
          </div>
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2 text-sm font-semibold">서비스 (하나라도 포함)</legend>
            <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
              {categories.map((c) => (
                <div key={c.code} className="rounded-xl bg-slate-50 p-3">
                  <p className="mb-1.5 text-sm font-bold text-slate-700">{c.name}</p>
                  <div className="flex flex-wrap gap-1.5">
                    {c.services.map((s) => {
                      const on = selected.has(s.code);
                      return (
                        <button
                          key={s.code}
                          type="button"
                          aria-pressed={on}
                          onClick={() => toggle(s.code)}
                          className={cn(
                            'min-h-10 rounded-full border-2 px-3 text-sm font-semibold',
                            on ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-700 hover:border-brand-500',
                          )}
                        >
                          {s.name}
                        </button>
                      );
                    })}
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
      )}
    </div>
  );
}

interface Chip {
  key: string;
  label: string;
  clear: () => void;
}

/** Active filters as removable chips. */
export function FilterChips({
  filters,
  serviceName,
  partnerName,
  statusLabel,
  onChange,
  onReset,
}: {
  filters: ApplicationListFilters;
  serviceName: (code: string) => string;
  partnerName: (id: number) => string;
  statusLabel: (status: string) => string;
  onChange: (patch: Partial<ApplicationListFilters>) => void;
  onReset: () => void;
}) {
  const chips: Chip[] = [];
  if (filters.status) chips.push({ key: 'status', label: `상태: ${statusLabel(filters.status)}`, clear: () => onChange({ status: undefined }) });
  if (filters.search) chips.push({ key: 'q', label: `검색: ${filters.search}`, clear: () => onChange({ search: undefined }) });
  if (filters.dateFrom) chips.push({ key: 'from', label: `${formatDate(filters.dateFrom)}부터`, clear: () => onChange({ dateFrom: undefined }) });
  if (filters.dateTo) chips.push({ key: 'to', label: `${formatDate(filters.dateTo)}까지`, clear: () => onChange({ dateTo: undefined }) });
  for (const code of filters.services ?? []) {
    chips.push({ key: `s-${code}`, label: serviceName(code), clear: () => onChange({ services: (filters.services ?? []).filter((c) => c !== code) }) });
  }
  if (filters.partnerId) {
    const id = filters.partnerId;
    chips.push({ key: 'partner', label: `협력사: ${partnerName(id)}`, clear: () => onChange({ partnerId: undefined }) });
  }
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="적용된 필터">
      {chips.map((c) => (
        <span key={c.key} className="inline-flex min-h-10 items-center gap-1 rounded-full bg-brand-50 pr-1 pl-3 text-sm font-semibold text-brand-800">
          {c.label}
          <button type="button" onClick={c.clear} className="flex size-8 items-center justify-center rounded-full hover:bg-brand-100" aria-label={`${c.label} 필터 지우기`}>
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
