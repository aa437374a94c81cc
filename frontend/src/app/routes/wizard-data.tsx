import { useQuery } from '@tanstack/react-query';
import { Phone, RefreshCw } from 'lucide-react';
import type { ReactNode } from 'react';

import type { ProvinceWithDistricts, Catalog } from '@/client/types.gen';
import { PageSpinner } from '@/components/layout/route-states';
import { Button, buttonClasses } from '@/components/ui/button';
import { COMPANY } from '@/config/company';
import { catalogQueries, regionQueries } from '@/features/catalog';
import { errorMessage } from '@/lib/errors';
import { telHref } from '@/lib/phone';

/**
 * Loads the catalogue (and regions) for a wizard. The app layer composes features: the wizards receive
 * reference data as props instead of importing the catalog feature.
 */
export function WithWizardData({
  requireRegions,
  children,
}: {
  requireRegions: boolean;
  children: (data: { catalog: Catalog; regions: ProvinceWithDistricts[] | undefined }) => ReactNode;
}) {
  const services = useQuery(catalogQueries.services());
  const regions = useQuery(regionQueries.all());

  const blocking = services.isPending || (requireRegions && regions.isPending);
  if (blocking) return <PageSpinner label="서비스 목록을 불러오는 중" />;

  const failed = services.isError ? services.error : requireRegions && regions.isError ? regions.error : null;
  if (failed || !services.data) {
    return (
      <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 px-4 text-center" role="alert">
        <h1 className="text-2xl font-bold">신청서를 불러오지 못했습니다</h1>
        <p className="text-lg text-slate-700">{errorMessage(failed)}</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button
            size="lg"
            variant="outline"
            onClick={() => {
              void services.refetch();
              void regions.refetch();
            }}
          >
            <RefreshCw className="size-5" aria-hidden="true" />
            다시 시도
          </Button>
          <a href={telHref(COMPANY.phone)} className={buttonClasses('primary', 'lg')}>
            <Phone className="size-5" aria-hidden="true" />
            전화로 신청 {COMPANY.phone}
          </a>
        </div>
      </main>
    );
  }
  return <>{children({ catalog: services.data, regions: regions.data })}</>;
}
