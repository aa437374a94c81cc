import { CheckCircle2, Home, Phone } from 'lucide-react';
import { Link } from 'react-router';

import type { PartnerRegistered } from '@/client/types.gen';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { COMPANY } from '@/config/company';
import { telHref } from '@/lib/phone';

const DUPLICATE_TEXT: Record<string, string> = {
  business_number: '같은 사업자등록번호로 이미 신청된 내역이 있습니다. 담당자가 기존 신청과 함께 확인해 드립니다.',
  phone_company: '같은 연락처와 업체명으로 이미 신청된 내역이 있습니다. 담당자가 기존 신청과 함께 확인해 드립니다.',
};

export function PartnerSuccess({ result }: { result: PartnerRegistered }) {
  return (
    <main id="main-content" className="mx-auto flex min-h-dvh max-w-2xl flex-col gap-6 px-4 py-10">
      <div className="flex flex-col items-center gap-3 text-center" role="status">
        <CheckCircle2 className="size-16 text-leaf-600" aria-hidden="true" />
        <h1 className="text-3xl font-bold">협력사 신청이 접수되었습니다</h1>
        <p className="text-lg text-slate-700">{result.message}</p>
      </div>
      {result.is_duplicate && (
        <Alert tone="warning" title="이미 접수된 신청이 있습니다">
          <p>{DUPLICATE_TEXT[result.duplicate_type ?? ''] ?? '이미 신청된 내역이 있습니다. 담당자가 함께 확인해 드립니다.'}</p>
        </Alert>
      )}
      <section className="rounded-2xl border border-slate-200 bg-white p-6 text-lg">
        <h2 className="mb-3 text-xl font-bold">다음 절차</h2>
        <ol className="flex list-decimal flex-col gap-2 pl-6">
          <li>담당자가 신청 내용을 검토합니다. (영업일 기준 1~3일)</li>
          <li>심사 결과를 입력하신 연락처로 문자 안내해 드립니다.</li>
          <li>승인 후 지역과 분야에 맞는 작업을 연결해 드립니다.</li>
        </ol>
      </section>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Link to="/" className={buttonClasses('outline', 'lg', 'flex-1')}>
          <Home className="size-5" aria-hidden="true" />
          홈으로
        </Link>
        <a href={telHref(COMPANY.phone)} className={buttonClasses('primary', 'lg', 'flex-1')}>
          <Phone className="size-5" aria-hidden="true" />
          전화 문의 {COMPANY.phone}
        </a>
      </div>
    </main>
  );
}
