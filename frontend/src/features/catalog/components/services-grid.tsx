import { useQuery } from '@tanstack/react-query';
import { RefreshCw } from 'lucide-react';

import { bookingLabel, ServiceIcon } from '@/components/catalog';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/errors';

import { catalogQueries } from '../api/catalog-queries';

/** Landing grid: one card per category with its services; "준비 중" badges for services not yet bookable. */
export function ServicesGrid() {
  const { data, isPending, isError, error, refetch, isRefetching } = useQuery(catalogQueries.services());

  if (isPending) {
    return (
      <div className="flex justify-center py-12">
        <Spinner label="서비스 목록을 불러오는 중" />
      </div>
    );
  }
  if (isError) {
    return (
      <div className="flex flex-col items-center gap-3 rounded-2xl bg-slate-50 p-8 text-center" role="alert">
        <p className="text-lg text-slate-800">{errorMessage(error)}</p>
        <Button variant="outline" onClick={() => void refetch()} loading={isRefetching}>
          <RefreshCw className="size-5" aria-hidden="true" />
          다시 불러오기
        </Button>
      </div>
    );
  }

  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {data.categories.map((cat) => (
        <li key={cat.code} className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          <div className="flex items-center gap-3">
            <span className="flex size-12 items-center justify-center rounded-xl bg-leaf-50 text-leaf-700">
              <ServiceIcon name={cat.icon} className="size-7" />
            </span>
            <div>
              <h3 className="text-lg font-bold text-slate-900">{cat.name}</h3>
              {cat.description && <p className="text-sm text-slate-600">{cat.description}</p>}
            </div>
          </div>
          <ul className="flex flex-wrap gap-2">
            {cat.services.map((s) => {
              const label = bookingLabel(s);
              return (
                <li
                  key={s.code}
                  className={
                    label
                      ? 'inline-flex items-center gap-1.5 rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-600'
                      : 'rounded-full bg-brand-50 px-3 py-1 text-sm font-medium text-brand-800'
                  }
                >
                  {s.name}
                  {label && <span className="rounded-full bg-amber-100 px-1.5 text-xs font-bold text-amber-900">{label}</span>}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
