import type { CategoryWithServices, SchedulePartner } from '@/client/types.gen';
import { FILTER_INPUT_CLASS, FilterChips as Chips, FilterPanel as Panel, ServiceFilter, type FilterChip } from '@/components/admin/filter-panel';
import { formatDate } from '@/lib/format';

import type { ApplicationListFilters } from '../api/application-queries';

interface FilterPanelProps {
  filters: ApplicationListFilters;
  categories: CategoryWithServices[];
  partners: SchedulePartner[];
  onChange: (patch: Partial<ApplicationListFilters>) => void;
}

/** Advanced filters of the applications list: created-date range, partner, services grouped by category. */
export function FilterPanel({ filters, categories, partners, onChange }: FilterPanelProps) {
  const active = (filters.services?.length ?? 0) + (filters.dateFrom ? 1 : 0) + (filters.dateTo ? 1 : 0) + (filters.partnerId ? 1 : 0);
  return (
    <Panel activeCount={active}>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="flex flex-col gap-1.5 text-sm font-semibold">
          접수일 (시작)
          <input
            type="date"
            className={FILTER_INPUT_CLASS}
            value={filters.dateFrom ?? ''}
            max={filters.dateTo}
            onChange={(e) => onChange({ dateFrom: e.target.value || undefined })}
          />
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-semibold">
          접수일 (끝)
          <input
            type="date"
            className={FILTER_INPUT_CLASS}
            value={filters.dateTo ?? ''}
            min={filters.dateFrom}
            onChange={(e) => onChange({ dateTo: e.target.value || undefined })}
          />
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-semibold">
          협력사
          <select
            className={FILTER_INPUT_CLASS}
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
      <ServiceFilter legend="서비스 (하나라도 포함)" categories={categories} selected={filters.services ?? []} onChange={(services) => onChange({ services })} />
    </Panel>
  );
}

/** Active filters of the applications list as removable chips. */
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
  const chips: FilterChip[] = [];
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
  return <Chips chips={chips} onReset={onReset} />;
}
