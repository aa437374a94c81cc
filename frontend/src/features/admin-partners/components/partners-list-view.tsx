import { Handshake, Search } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';

import type { CategoryWithServices, PartnerListItem, PartnerStatus, ProvinceWithDistricts } from '@/client/types.gen';
import { FILTER_INPUT_CLASS, FilterChips, FilterPanel, ServiceFilter, type FilterChip } from '@/components/admin/filter-panel';
import { StatCard } from '@/components/admin/stat-card';
import { StatusChip } from '@/components/admin/status-chip';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/cn';
import { errorMessage } from '@/lib/errors';
import { formatDate, formatPhone } from '@/lib/format';
import { PARTNER_STATUS, PARTNER_STATUS_ORDER } from '@/lib/status';

import { usePartnerFilters } from '../hooks/use-partner-filters';
import { usePartners, usePartnersPagePrefetch } from '../hooks/use-partners';

import { PartnerStatusDialog, type PartnerStatusTarget } from './partner-status-dialog';

function ServicesText({ p }: { p: PartnerListItem }) {
  const shown = p.services.slice(0, 3).map((s) => s.name).join(', ');
  return (
    <span>
      {shown}
      {p.services.length > 3 && <span className="text-slate-500"> 외 {p.services.length - 3}</span>}
    </span>
  );
}

/** Partners list (`/admin/partners`): status cards, search, service/region filters, chips, table, quick approve/reject. */
export function PartnersListView({ categories, regions }: { categories: CategoryWithServices[]; regions: ProvinceWithDistricts[] }) {
  const navigate = useNavigate();
  const { filters, update, reset } = usePartnerFilters();
  const list = usePartners(filters);
  const prefetchPage = usePartnersPagePrefetch(filters);
  const [text, setText] = useState(filters.search ?? '');
  const [synced, setSynced] = useState(filters.search ?? '');
  if (synced !== (filters.search ?? '')) {
    setSynced(filters.search ?? '');
    setText(filters.search ?? '');
  }
  const [quick, setQuick] = useState<PartnerStatusTarget | null>(null);

  const serviceNames = useMemo(() => new Map(categories.flatMap((c) => c.services.map((s) => [s.code, s.name] as const))), [categories]);
  const province = regions.find((r) => r.code === (filters.provinceCode ?? filters.districtCode?.slice(0, 2)));
  const district = province?.districts.find((d) => d.code === filters.districtCode);

  const data = list.data;
  const counts = data?.status_counts ?? {};
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const page = filters.page ?? 1;
  const panelActive = (filters.services?.length ?? 0) + (filters.provinceCode || filters.districtCode ? 1 : 0);

  const chips: FilterChip[] = [];
  if (filters.status) chips.push({ key: 'status', label: `상태: ${PARTNER_STATUS[filters.status].label}`, clear: () => update({ status: undefined }) });
  if (filters.search) chips.push({ key: 'q', label: `검색: ${filters.search}`, clear: () => update({ search: undefined }) });
  for (const code of filters.services ?? []) {
    chips.push({ key: code, label: serviceNames.get(code) ?? code, clear: () => update({ services: (filters.services ?? []).filter((c) => c !== code) }) });
  }
  if (province) {
    chips.push({
      key: 'region',
      label: `지역: ${province.short_name ?? province.name}${district ? ` ${district.name}` : ''}`,
      clear: () => update({ provinceCode: undefined, districtCode: undefined }),
    });
  }

  const quickApprove = (p: PartnerListItem) =>
    setQuick({ partnerId: p.id, companyName: p.company_name, version: p.version, current: p.status, choices: ['approved', 'rejected'] });

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <section aria-label="상태별 협력사 수" className="grid grid-cols-3 gap-2 md:grid-cols-6">
        <StatCard label="전체" value={data ? total : '-'} active={!filters.status} onClick={() => update({ status: undefined })} compact />
        {PARTNER_STATUS_ORDER.map((s: PartnerStatus) => (
          <StatCard
            key={s}
            label={PARTNER_STATUS[s].label}
            value={data ? (counts[s] ?? 0) : '-'}
            active={filters.status === s}
            onClick={() => update({ status: filters.status === s ? undefined : s })}
            compact
          />
        ))}
      </section>

      <form
        role="search"
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          update({ search: text.trim() || undefined });
        }}
      >
        <label className="relative flex-1">
          <span className="sr-only">협력사 검색</span>
          <Search className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-500" aria-hidden="true" />
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="업체명 · 대표자 · 전화번호 · 사업자번호"
            className="min-h-12 w-full rounded-xl border-2 border-slate-300 bg-white pr-3 pl-10 text-base focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none"
          />
        </label>
        <Button type="submit">검색</Button>
      </form>

      <FilterPanel activeCount={panelActive}>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="flex flex-col gap-1.5 text-sm font-semibold">
            시/도
            <select
              className={FILTER_INPUT_CLASS}
              value={province?.code ?? ''}
              onChange={(e) => update({ provinceCode: e.target.value || undefined, districtCode: undefined })}
            >
              <option value="">전체 지역</option>
              {regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1.5 text-sm font-semibold">
            시/군/구
            <select
              className={FILTER_INPUT_CLASS}
              value={filters.districtCode ?? ''}
              disabled={!province}
              onChange={(e) => update(e.target.value ? { districtCode: e.target.value, provinceCode: undefined } : { provinceCode: province?.code, districtCode: undefined })}
            >
              <option value="">전체</option>
              {province?.districts.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ServiceFilter legend="서비스 (하나라도 가능)" categories={categories} selected={filters.services ?? []} onChange={(services) => update({ services })} />
      </FilterPanel>

      <FilterChips chips={chips} onReset={reset} />

      <div className="flex items-center justify-between">
        <p aria-live="polite">{data && <><strong>{data.total.toLocaleString('ko-KR')}</strong>곳</>}</p>
        {list.isFetching && !list.isPending && <Spinner className="size-5 text-brand-700" label="새로 불러오는 중" />}
      </div>

      {list.isPending ? (
        <div className="flex justify-center py-16">
          <Spinner label="협력사 목록을 불러오는 중" />
        </div>
      ) : list.isError && !data ? (
        <Alert tone="error" title="협력사 목록을 불러오지 못했습니다" live>
          <p>{errorMessage(list.error)}</p>
          <Button variant="outline" size="sm" className="mt-2 self-start" onClick={() => void list.refetch()}>
            다시 시도
          </Button>
        </Alert>
      ) : !data || data.items.length === 0 ? (
        <EmptyState icon={Handshake} title="조건에 맞는 협력사가 없습니다" />
      ) : (
        <div className={cn('transition-opacity', list.isPlaceholderData && 'opacity-60')}>
          <div className="hidden overflow-hidden rounded-2xl border border-slate-200 bg-white lg:block">
            <table className="w-full table-fixed text-left">
              <caption className="sr-only">협력사 목록</caption>
              <thead className="bg-slate-50 text-sm text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">업체명</th>
                  <th scope="col" className="w-24 px-4 py-3 font-semibold">대표자</th>
                  <th scope="col" className="w-36 px-4 py-3 font-semibold">연락처</th>
                  <th scope="col" className="px-4 py-3 font-semibold">서비스</th>
                  <th scope="col" className="w-24 px-4 py-3 font-semibold">상태</th>
                  <th scope="col" className="w-32 px-4 py-3 font-semibold">등록일</th>
                  <th scope="col" className="w-32 px-4 py-3 font-semibold"><span className="sr-only">빠른 처리</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.items.map((p) => (
                  <tr
                    key={p.id}
                    className={cn('cursor-pointer hover:bg-slate-50', p.status === 'pending' && 'bg-amber-50/50')}
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest('a,button')) return;
                      navigate(`/admin/partners/${p.id}`);
                    }}
                  >
                    <td className="truncate px-4 py-3">
                      <Link to={`/admin/partners/${p.id}`} className="font-semibold text-brand-700 hover:underline">
                        {p.company_name}
                      </Link>
                    </td>
                    <td className="truncate px-4 py-3">{p.representative_name}</td>
                    <td className="px-4 py-3 text-sm">{formatPhone(p.contact_phone)}</td>
                    <td className="px-4 py-3 text-sm">
                      <span className="line-clamp-2">
                        <ServicesText p={p} />
                      </span>
                    </td>
                    <td className="px-4 py-3">
                      <StatusChip kind="partner" status={p.status} label={p.status_label} />
                    </td>
                    <td className="px-4 py-3 text-sm whitespace-nowrap">{formatDate(p.created_at)}</td>
                    <td className="px-4 py-3">
                      {p.status === 'pending' && (
                        <Button size="sm" variant="outline" className="whitespace-nowrap" onClick={() => quickApprove(p)}>
                          승인/거절
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="flex flex-col gap-2 lg:hidden">
            {data.items.map((p) => (
              <li key={p.id} className={cn('flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-4', p.status === 'pending' && 'bg-amber-50/50')}>
                <Link to={`/admin/partners/${p.id}`} className="flex flex-col gap-1">
                  <span className="flex items-center justify-between gap-2">
                    <span className="text-lg font-bold text-brand-700">{p.company_name}</span>
                    <StatusChip kind="partner" status={p.status} label={p.status_label} />
                  </span>
                  <span>
                    {p.representative_name} · {formatPhone(p.contact_phone)}
                  </span>
                  <span className="text-sm text-slate-700">
                    <ServicesText p={p} />
                  </span>
                  <span className="text-sm text-slate-500">등록 {formatDate(p.created_at)}</span>
                </Link>
                {p.status === 'pending' && (
                  <Button size="sm" variant="outline" className="self-start" onClick={() => quickApprove(p)}>
                    승인/거절
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {data && <Pagination page={page} totalPages={data.total_pages} onChange={(p) => update({ page: p })} onIntent={prefetchPage} className="py-2" />}
      <PartnerStatusDialog target={quick} onClose={() => setQuick(null)} />
    </div>
  );
}
