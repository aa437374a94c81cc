import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useState } from 'react';

import type { RecipientItem } from '@/client/types.gen';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { errorMessage } from '@/lib/errors';

import { smsQueries } from '../api/sms-queries';
import { statusLabel } from '../labels';

/** Searchable, paged list of customers or partners from `/admin/sms/recipients`, with checkboxes. */
export function RecipientPicker({
  targetType,
  selected,
  onToggle,
  status,
}: {
  targetType: 'customer' | 'partner';
  selected: ReadonlyMap<number, RecipientItem>;
  onToggle: (item: RecipientItem) => void;
  status?: string | undefined;
}) {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const term = useDebouncedValue(search.trim(), 300);
  const query = useQuery(smsQueries.recipients({ target_type: targetType, search: term || undefined, status, page }));
  const data = query.data;

  return (
    <div className="flex flex-col gap-3">
      <div className="relative">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-500" aria-hidden="true" />
        <Input
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
          className="pl-10"
          placeholder={targetType === 'customer' ? '이름, 전화번호, 신청번호' : '업체명, 대표자, 전화번호'}
          aria-label={targetType === 'customer' ? '고객 검색' : '협력사 검색'}
        />
      </div>
      {query.isPending ? (
        <Spinner />
      ) : query.isError ? (
        <p role="alert" className="text-red-700">
          {errorMessage(query.error)}
        </p>
      ) : data && data.items.length === 0 ? (
        <p className="py-4 text-center text-slate-600">찾는 대상이 없습니다.</p>
      ) : (
        <ul className="flex max-h-80 flex-col divide-y divide-slate-100 overflow-y-auto rounded-xl border border-slate-200" aria-busy={query.isFetching}>
          {data?.items.map((item) => (
            <li key={`${item.target_type}-${item.id}`}>
              <label className="flex min-h-14 cursor-pointer items-center gap-3 px-3 py-2 hover:bg-slate-50">
                <input
                  type="checkbox"
                  className="size-6 shrink-0 accent-brand-700"
                  checked={selected.has(item.id)}
                  onChange={() => onToggle(item)}
                />
                <span className="flex min-w-0 flex-1 flex-col">
                  <span className="truncate font-semibold">{item.name}</span>
                  <span className="truncate text-sm text-slate-600">
                    {item.phone_masked} · {item.label}
                  </span>
                </span>
                <Badge>{statusLabel(item.status)}</Badge>
              </label>
            </li>
          ))}
        </ul>
      )}
      {data && data.total_pages > 1 && (
        <div className="flex items-center justify-between gap-2 text-sm">
          <Button size="sm" variant="outline" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            이전
          </Button>
          <span>
            {data.page} / {data.total_pages} 쪽 · {data.total.toLocaleString()}명
          </span>
          <Button size="sm" variant="outline" disabled={page >= data.total_pages} onClick={() => setPage((p) => p + 1)}>
            다음
          </Button>
        </div>
      )}
    </div>
  );
}
