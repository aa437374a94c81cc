import { CheckCircle2, Home, Phone } from 'lucide-react';
import { Link } from 'react-router';

import type { ApplicationSubmitted } from '@/client/types.gen';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { COMPANY } from '@/config/company';
import { formatKoreanDateTime } from '@/lib/dates';
import { telHref } from '@/lib/phone';

const NEXT_STEPS = [
  '담당자가 신청 내용을 확인합니다.',
  '입력하신 연락처로 상담 전화를 드립니다. (보통 1~2일 이내)',
  '필요하면 현장을 확인한 뒤 견적을 안내해 드립니다.',
  '일정이 확정되면 문자로 알려 드립니다.',
];

export function ApplySuccess({ result }: { result: ApplicationSubmitted }) {
  const dup = result.is_duplicate ? result.duplicate_info : null;
  return (
    <main id="main-content" className="mx-auto flex min-h-dvh max-w-2xl flex-col gap-6 px-4 py-10">
      <div className="flex flex-col items-center gap-3 text-center" role="status">
        <CheckCircle2 className="size-16 text-leaf-600" aria-hidden="true" />
        <h1 className="text-3xl font-bold">견적 요청이 접수되었습니다</h1>
        <p className="text-lg text-slate-700">{result.message}</p>
      </div>
      <div className="rounded-2xl border-2 border-brand-200 bg-brand-50 p-6 text-center">
        <p className="text-base text-slate-700">신청번호</p>
        <p className="mt-1 text-3xl font-extrabold tracking-wider text-brand-800">{result.application_number}</p>
        <p className="mt-2 text-sm text-slate-600">문의하실 때 신청번호를 알려 주시면 빠르게 확인해 드립니다.</p>
      </div>
      {result.is_duplicate && (
        <Alert tone="warning" title="이미 진행 중인 신청이 있습니다">
          {dup ? (
            <p>
              같은 연락처로 접수된 신청 <strong>{dup.existing_application_number}</strong>({dup.existing_status_label},{' '}
              {formatKoreanDateTime(dup.existing_created_at)})이 진행 중입니다. 이번 신청도 함께 확인해 드립니다.
            </p>
          ) : (
            <p>같은 연락처로 진행 중인 신청이 있습니다. 이번 신청도 함께 확인해 드립니다.</p>
          )}
        </Alert>
      )}
      <section className="rounded-2xl border border-slate-200 bg-white p-6">
        <h2 className="mb-4 text-xl font-bold">앞으로 이렇게 진행됩니다</h2>
        <ol className="flex flex-col gap-3">
          {NEXT_STEPS.map((text, i) => (
            <li key={text} className="flex gap-3 text-lg">
              <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-700 font-bold text-white">{i + 1}</span>
              <span>{text}</span>
            </li>
          ))}
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
