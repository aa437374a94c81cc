import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ChevronDown, ScrollText } from 'lucide-react';
import { useState } from 'react';

import type { AuditLogRead } from '@/client/types.gen';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Input, Select } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { formatKoreanDateTime } from '@/lib/dates';
import { errorMessage } from '@/lib/errors';

import { auditQueries, type AuditFilters } from '../api/audit-queries';
import { ACTION_LABEL, ENTITY_LABEL } from '../labels';

function Change({ label, value }: { label: string; value: Record<string, unknown> | null }) {
  if (!value) return null;
  return (
    <div className="min-w-0 flex-1">
      <p className="text-sm font-semibold text-slate-600">{label}</p>
      <pre className="mt-1 overflow-x-auto rounded-lg bg-slate-50 p-2 text-sm whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

function Entry({ entry }: { entry: AuditLogRead }) {
  const [open, setOpen] = useState(false);
  const hasDetail = !!(entry.before || entry.after || entry.ip_address);
  return (
    <li className="flex flex-col gap-2 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="info">{ENTITY_LABEL[entry.entity_type] ?? entry.entity_type}</Badge>
        <Badge>{ACTION_LABEL[entry.action] ?? entry.action}</Badge>
        {entry.entity_id !== null && <span className="text-sm text-slate-500">#{entry.entity_id}</span>}
        <span className="ml-auto text-sm text-slate-600">{formatKoreanDateTime(entry.created_at)}</span>
      </div>
      <p className="font-medium break-words">{entry.summary}</p>
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span>{entry.admin_name ?? '시스템'}</span>
        {hasDetail && (
          <button type="button" className="inline-flex min-h-10 items-center gap-1 font-semibold text-brand-700" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            자세히
            <ChevronDown className={`size-4 transition-transform ${open ? 'rotate-180' : ''}`} aria-hidden="true" />
          </button>
        )}
      </div>
      {open && (
        <div className="flex flex-col gap-2">
          <div className="flex flex-col gap-2 sm:flex-row">
            <Change label="변경 전" value={entry.before} />
            <Change label="변경 후" value={entry.after} />
          </div>
          {entry.ip_address && (
            <p className="text-sm break-all text-slate-600">
              IP {entry.ip_address} · {entry.user_agent}
            </p>
          )}
        </div>
      )}
    </li>
  );
}

/** `/admin/audit`: the append-only trail, filtered by entity, admin, action and dates, "더 보기" by keyset. */
export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const admins = useQuery(auditQueries.adminOptions());
  const list = useInfiniteQuery(auditQueries.list(filters));
  const entries = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Card className="grid grid-cols-2 gap-3 p-4 lg:grid-cols-5" role="search" aria-label="감사 로그 필터">
        <Select aria-label="대상" value={filters.entity_type ?? ''} onChange={(e) => set({ entity_type: e.target.value || undefined })}>
          <option value="">모든 대상</option>
          {Object.entries(ENTITY_LABEL).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>
        <Select aria-label="작업" value={filters.action ?? ''} onChange={(e) => set({ action: e.target.value || undefined })}>
          <option value="">모든 작업</option>
          {Object.entries(ACTION_LABEL).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>
        <Select
          aria-label="관리자"
          value={filters.admin_id ?? ''}
          onChange={(e) => set({ admin_id: e.target.value ? Number(e.target.value) : undefined })}
          disabled={!admins.data?.length}
          className="col-span-2 lg:col-span-1"
        >
          <option value="">모든 관리자</option>
          {admins.data?.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.email})
            </option>
          ))}
        </Select>
        <label className="flex flex-col gap-1">
          <span className="text-sm font-semibold text-slate-700">시작일</span>
          <Input type="date" value={filters.date_from ?? ''} max={filters.date_to} onChange={(e) => set({ date_from: e.target.value || undefined })} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-sm font-semibold text-slate-700">종료일</span>
          <Input type="date" value={filters.date_to ?? ''} min={filters.date_from} onChange={(e) => set({ date_to: e.target.value || undefined })} />
        </label>
      </Card>
      <Card className="p-4">
        {list.isPending ? (
          <Spinner />
        ) : list.isError ? (
          <Alert tone="error" live>
            {errorMessage(list.error)}
          </Alert>
        ) : entries.length === 0 ? (
          <EmptyState icon={ScrollText} title="기록이 없습니다">
            조건을 바꿔 보세요.
          </EmptyState>
        ) : (
          <>
            <ul className="divide-y divide-slate-100" aria-label="감사 로그" aria-busy={list.isFetching}>
              {entries.map((e) => (
                <Entry key={e.id} entry={e} />
              ))}
            </ul>
            {list.hasNextPage && (
              <div className="mt-3 flex justify-center">
                <Button variant="outline" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                  더 보기
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
