import { ArrowLeft, ArrowRight, Home, Phone } from 'lucide-react';
import type { ReactNode, RefObject } from 'react';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { Stepper } from '@/components/ui/stepper';
import { useCompany } from '@/hooks/use-company';
import { telHref } from '@/lib/phone';

interface WizardLayoutProps {
  title: string;
  steps: readonly string[];
  step: number;
  headingRef: RefObject<HTMLHeadingElement | null>;
  stepTitle: string;
  stepDescription?: ReactNode;
  children: ReactNode;
  onPrev: () => void;
  onNext: () => void;
  isFirst: boolean;
  isLast: boolean;
  submitLabel: string;
  submitting?: boolean;
}

/** Full-screen wizard frame: progress header, step content, sticky bottom navigation. */
export function WizardLayout(props: WizardLayoutProps) {
  const { title, steps, step, headingRef, stepTitle, stepDescription, children, onPrev, onNext, isFirst, isLast, submitLabel, submitting } =
    props;
  const company = useCompany();
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-3xl flex-col gap-3 px-4 py-3">
          <div className="flex items-center justify-between gap-2">
            <Link to="/" className="inline-flex min-h-12 items-center gap-2 rounded-lg pr-2 font-bold text-brand-700">
              <Home className="size-5" aria-hidden="true" />
              <span>{company.name}</span>
            </Link>
            <p className="text-base font-semibold text-slate-700">{title}</p>
          </div>
          <Stepper steps={steps} current={step} />
        </div>
      </header>

      <main id="main-content" className="mx-auto w-full max-w-3xl flex-1 px-4 pt-6 pb-36">
        <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-slate-900 outline-none sm:text-3xl">
          {stepTitle}
        </h1>
        {stepDescription && <p className="mt-2 text-lg text-slate-700">{stepDescription}</p>}
        <div className="mt-6">{children}</div>
      </main>

      <nav
        aria-label="단계 이동"
        className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur"
      >
        <div className="mx-auto flex max-w-3xl items-center gap-2 px-4 py-3">
          <a
            href={telHref(company.phone)}
            className="inline-flex min-h-14 min-w-14 items-center justify-center rounded-xl border-2 border-slate-300 text-slate-700 hover:bg-slate-50"
            aria-label={`전화 문의 ${company.phone}`}
          >
            <Phone className="size-6" aria-hidden="true" />
          </a>
          {!isFirst && (
            <Button variant="outline" size="lg" onClick={onPrev} className="flex-1 sm:flex-none sm:px-8">
              <ArrowLeft className="size-5" aria-hidden="true" />
              이전
            </Button>
          )}
          <Button size="lg" onClick={onNext} loading={!!submitting} className="flex-[2] sm:ml-auto sm:flex-none sm:px-10">
            {isLast ? submitLabel : '다음'}
            {!isLast && <ArrowRight className="size-5" aria-hidden="true" />}
          </Button>
        </div>
      </nav>
    </div>
  );
}
