import { Phone } from 'lucide-react';

import { buttonClasses } from '@/components/ui/button';
import { COMPANY } from '@/config/company';
import { telHref } from '@/lib/phone';

/** Partner and customer portals: the portal API is not in the backend yet. */
export function Component() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 px-4 text-center">
      <h1 className="text-2xl font-bold">준비 중입니다</h1>
      <p className="text-lg text-slate-700">진행 상황 조회 화면을 준비하고 있습니다. 문의는 전화로 부탁드립니다.</p>
      <a href={telHref(COMPANY.phone)} className={buttonClasses('primary', 'lg')}>
        <Phone className="size-5" aria-hidden="true" />
        {COMPANY.phone}
      </a>
    </main>
  );
}
