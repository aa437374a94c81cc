import { Check, ChevronDown, Search, X } from 'lucide-react';
import { useId, useMemo, useState } from 'react';

import type { CategoryWithServices, ServiceTypeOut } from '@/client/types.gen';
import { cn } from '@/lib/cn';

import { bookingLabel, groupOf, isBookable, SERVICE_GROUPS, type ServiceGroupKey } from './catalog-utils';
import { ServiceIcon } from './service-icon';

interface ServicePickerProps {
  categories: CategoryWithServices[];
  value: string[];
  onChange: (codes: string[]) => void;
  /** Partners may offer services the company is still preparing; customers may not book them. */
  allowUnbookable?: boolean;
  describedBy?: string | undefined;
  invalid?: boolean;
}

type Tab = 'all' | ServiceGroupKey;

/** Service selection: group tabs, search, one collapsible section per category, big toggles. */
export function ServicePicker({ categories, value, onChange, allowUnbookable = false, describedBy, invalid }: ServicePickerProps) {
  const [tab, setTab] = useState<Tab>('all');
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const searchId = useId();
  const selected = useMemo(() => new Set(value), [value]);

  const byCode = useMemo(() => {
    const map = new Map<string, ServiceTypeOut>();
    for (const c of categories) for (const s of c.services) map.set(s.code, s);
    return map;
  }, [categories]);

  const groups = SERVICE_GROUPS.filter((g) => categories.some((c) => groupOf(c.code) === g.key));
  const q = query.trim().toLowerCase();
  const visible = categories
    .filter((c) => q || tab === 'all' || groupOf(c.code) === tab)
    .map((c) => ({
      ...c,
      services: q
        ? c.services.filter(
            (s) => s.name.toLowerCase().includes(q) || (s.description ?? '').toLowerCase().includes(q) || c.name.includes(q),
          )
        : c.services,
    }))
    .filter((c) => c.services.length > 0);

  const canPick = (s: ServiceTypeOut) => allowUnbookable || isBookable(s);

  const toggle = (s: ServiceTypeOut) => {
    if (!canPick(s)) return;
    onChange(selected.has(s.code) ? value.filter((c) => c !== s.code) : [...value, s.code]);
  };

  const toggleSection = (code: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  return (
    <div className="flex flex-col gap-4" aria-describedby={describedBy}>
      <div className="relative">
        <label htmlFor={searchId} className="sr-only">
          서비스 검색
        </label>
        <Search className="pointer-events-none absolute top-1/2 left-4 size-5 -translate-y-1/2 text-slate-500" aria-hidden="true" />
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="서비스 검색 (예: 제초, 페인트)"
          className="min-h-14 w-full rounded-xl border-2 border-slate-300 bg-white pr-4 pl-12 text-lg placeholder:text-slate-500 focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none"
        />
      </div>

      {!q && groups.length > 1 && (
        <div role="tablist" aria-label="서비스 분류" className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1">
          {[{ key: 'all' as Tab, label: '전체' }, ...groups].map((g) => (
            <button
              key={g.key}
              type="button"
              role="tab"
              aria-selected={tab === g.key}
              onClick={() => setTab(g.key)}
              className={cn(
                'min-h-12 shrink-0 rounded-full px-5 text-base font-semibold',
                tab === g.key ? 'bg-brand-700 text-white' : 'bg-slate-100 text-slate-800 hover:bg-slate-200',
              )}
            >
              {g.label}
            </button>
          ))}
        </div>
      )}

      {value.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 rounded-xl bg-brand-50 p-3" aria-live="polite">
          <span className="text-base font-semibold text-brand-800">선택 {value.length}개</span>
          {value.map((code) => (
            <button
              key={code}
              type="button"
              onClick={() => onChange(value.filter((c) => c !== code))}
              className="inline-flex min-h-10 items-center gap-1 rounded-full border border-brand-200 bg-white px-3 text-sm font-medium text-brand-800 hover:bg-brand-100"
              aria-label={`${byCode.get(code)?.name ?? code} 선택 해제`}
            >
              {byCode.get(code)?.name ?? code}
              <X className="size-4" aria-hidden="true" />
            </button>
          ))}
        </div>
      )}

      {visible.length === 0 && <p className="rounded-xl bg-slate-50 p-6 text-center text-slate-700">검색 결과가 없습니다.</p>}

      <div className={cn('flex flex-col gap-3', invalid && 'rounded-2xl ring-2 ring-red-600 ring-offset-4')}>
        {visible.map((cat) => {
          const open = q !== '' || !collapsed.has(cat.code);
          const count = cat.services.filter((s) => selected.has(s.code)).length;
          const panelId = `svc-panel-${cat.code}`;
          return (
            <section key={cat.code} className="overflow-hidden rounded-2xl border border-slate-200">
              <h3>
                <button
                  type="button"
                  aria-expanded={open}
                  aria-controls={panelId}
                  onClick={() => toggleSection(cat.code)}
                  className="flex min-h-14 w-full items-center gap-3 bg-slate-50 px-4 py-3 text-left hover:bg-slate-100"
                >
                  <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-white text-leaf-700 shadow-sm">
                    <ServiceIcon name={cat.icon} />
                  </span>
                  <span className="flex flex-1 flex-col">
                    <span className="text-lg font-bold text-slate-900">{cat.name}</span>
                    {cat.description && <span className="text-sm text-slate-600">{cat.description}</span>}
                  </span>
                  {count > 0 && <span className="rounded-full bg-brand-700 px-2.5 py-0.5 text-sm font-bold text-white">{count}</span>}
                  <ChevronDown className={cn('size-5 text-slate-500 transition-transform', open && 'rotate-180')} aria-hidden="true" />
                </button>
              </h3>
              {open && (
                <div id={panelId} className="grid grid-cols-1 gap-2 p-3 sm:grid-cols-2">
                  {cat.services.map((s) => {
                    const on = selected.has(s.code);
                    const label = bookingLabel(s);
                    const disabled = !canPick(s);
                    return (
                      <button
                        key={s.code}
                        type="button"
                        role="checkbox"
                        aria-checked={on}
                        aria-disabled={disabled || undefined}
                        onClick={() => toggle(s)}
                        className={cn(
                          'flex min-h-14 items-center gap-3 rounded-xl border-2 px-4 py-2 text-left transition-colors',
                          on && 'border-brand-700 bg-brand-50',
                          !on && !disabled && 'border-slate-200 bg-white hover:border-brand-200',
                          disabled && 'cursor-not-allowed border-slate-200 bg-slate-50 text-slate-500',
                        )}
                      >
                        <span
                          className={cn(
                            'flex size-6 shrink-0 items-center justify-center rounded-md border-2',
                            on ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-400 bg-white',
                          )}
                          aria-hidden="true"
                        >
                          {on && <Check className="size-4" />}
                        </span>
                        <span className="flex flex-1 flex-col">
                          <span className={cn('text-base font-semibold', disabled ? 'text-slate-500' : 'text-slate-900')}>{s.name}</span>
                          {s.description && <span className="text-sm text-slate-600">{s.description}</span>}
                        </span>
                        {label && (
                          <span className="shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-bold text-amber-900">{label}</span>
                        )}
                      </button>
                    );
                  })}
                </div>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
