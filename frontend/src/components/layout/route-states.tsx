import { AlertTriangle, Home, RefreshCw } from 'lucide-react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

import { buttonClasses } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { COMPANY } from '@/config/company';

export function PageSpinner({ label = '불러오는 중' }: { label?: string }) {
  return (
    <div className="flex min-h-[50dvh] items-center justify-center text-brand-700">
      <Spinner className="size-10" label={label} />
    </div>
  );
}

/** Shown when a route throws (including a failed lazy chunk after a deploy). */
export function RouteErrorPage() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 px-4 text-center">
      <AlertTriangle className="size-12 text-amber-600" aria-hidden="true" />
      <h1 className="text-2xl font-bold">{notFound ? '페이지를 찾을 수 없습니다' : '화면을 표시하지 못했습니다'}</h1>
      <p className="text-lg text-slate-700">
        {notFound ? '주소를 다시 확인해 주세요.' : '잠시 후 다시 시도해 주세요.'} 계속 문제가 있으면 {COMPANY.phone}로 연락해 주세요.
      </p>
      <div className="flex gap-3">
        <button type="button" className={buttonClasses('outline', 'lg')} onClick={() => window.location.reload()}>
          <RefreshCw className="size-5" aria-hidden="true" />
          새로고침
        </button>
        <Link to="/" className={buttonClasses('primary', 'lg')}>
          <Home className="size-5" aria-hidden="true" />
          홈으로
        </Link>
      </div>
    </main>
  );
}

export function NotFoundPage() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center gap-4 px-4 text-center">
      <h1 className="text-2xl font-bold">페이지를 찾을 수 없습니다</h1>
      <p className="text-lg text-slate-700">주소를 다시 확인해 주세요.</p>
      <Link to="/" className={buttonClasses('primary', 'lg')}>
        홈으로
      </Link>
    </main>
  );
}
