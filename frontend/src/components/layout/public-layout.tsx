import { ClipboardList, Menu, Phone, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';

import { buttonClasses } from '@/components/ui/button';
import { useCompany } from '@/hooks/use-company';
import { cn } from '@/lib/cn';
import { telHref } from '@/lib/phone';

const NAV = [
  { to: '/about', label: '회사 소개' },
  { to: '/#services', label: '서비스' },
  { to: '/faq', label: 'FAQ' },
  { to: '/partner', label: '협력사 신청' },
] as const;

export function Logo({ className }: { className?: string }) {
  const company = useCompany();
  return (
    <Link to="/" className={cn('inline-flex min-h-12 items-center gap-2 rounded-lg', className)} aria-label={`${company.name} 홈`}>
      <svg viewBox="0 0 32 32" className="size-9" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="#1e3a5f" />
        <path d="M7 16 16 8l9 8v9h-6v-6h-6v6H7z" fill="#fff" />
        <path d="M22 9c2 0 3 1 3 3-2 0-3-1-3-3z" fill="#7fc48f" />
      </svg>
      <span className="text-xl font-extrabold tracking-tight text-brand-700">{company.name}</span>
    </Link>
  );
}

function SiteHeader() {
  const [open, setOpen] = useState(false);
  const company = useCompany();
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-2">
        <Logo />
        <nav aria-label="주 메뉴" className="hidden items-center gap-1 md:flex">
          {NAV.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              className="rounded-lg px-3 py-2 text-base font-semibold text-slate-700 hover:bg-slate-100 hover:text-slate-900"
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="flex items-center gap-2">
          <a href={telHref(company.phone)} className={buttonClasses('ghost', 'md', 'text-brand-700! max-sm:hidden')}>
            <Phone className="size-5" aria-hidden="true" />
            {company.phone}
          </a>
          <a
            href={telHref(company.phone)}
            className="flex size-12 items-center justify-center rounded-lg text-brand-700 hover:bg-slate-100 sm:hidden"
            aria-label={`전화 문의 ${company.phone}`}
          >
            <Phone className="size-6" aria-hidden="true" />
          </a>
          <Link to="/apply" className={buttonClasses('primary', 'md', 'max-md:hidden')}>
            견적 요청
          </Link>
          <button
            type="button"
            className="flex size-12 items-center justify-center rounded-lg hover:bg-slate-100 md:hidden"
            aria-expanded={open}
            aria-controls="mobile-nav"
            aria-label={open ? '메뉴 닫기' : '메뉴 열기'}
            onClick={() => setOpen((v) => !v)}
          >
            {open ? <X className="size-6" aria-hidden="true" /> : <Menu className="size-6" aria-hidden="true" />}
          </button>
        </div>
      </div>
      {open && (
        <nav id="mobile-nav" aria-label="주 메뉴" className="border-t border-slate-200 bg-white px-4 pb-4 md:hidden">
          <ul className="flex flex-col">
            {NAV.map((item) => (
              <li key={item.to}>
                <Link to={item.to} onClick={() => setOpen(false)} className="flex min-h-14 items-center border-b border-slate-100 text-lg font-semibold">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
          <a href={telHref(company.phone)} className={buttonClasses('outline', 'lg', 'mt-4 w-full')}>
            <Phone className="size-5" aria-hidden="true" />
            전화 문의 {company.phone}
          </a>
        </nav>
      )}
    </header>
  );
}

function SiteFooter() {
  const company = useCompany();
  return (
    <footer className="border-t border-slate-200 bg-slate-900 text-slate-300">
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-10 pb-28 md:pb-10">
        <div className="flex flex-col gap-1">
          <p className="text-lg font-bold text-white">{company.name}</p>
          <p>{company.tagline}</p>
        </div>
        <dl className="grid gap-x-8 gap-y-1 text-sm sm:grid-cols-2">
          <div className="flex gap-2">
            <dt className="text-slate-400">상호</dt>
            <dd>{company.legalName}</dd>
          </div>
          {company.representative && (
            <div className="flex gap-2">
              <dt className="text-slate-400">대표</dt>
              <dd>{company.representative}</dd>
            </div>
          )}
          {company.businessNumber && (
            <div className="flex gap-2">
              <dt className="text-slate-400">사업자등록번호</dt>
              <dd>{company.businessNumber}</dd>
            </div>
          )}
          <div className="flex gap-2">
            <dt className="text-slate-400">대표전화</dt>
            <dd>
              <a href={telHref(company.phone)} className="underline-offset-2 hover:underline">
                {company.phone}
              </a>
            </dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-400">이메일</dt>
            <dd>{company.email}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-400">상담 시간</dt>
            <dd>{company.businessHours}</dd>
          </div>
          <div className="flex gap-2 sm:col-span-2">
            <dt className="shrink-0 text-slate-400">주소</dt>
            <dd>{company.address}</dd>
          </div>
        </dl>
        <nav aria-label="약관 및 정책" className="flex flex-wrap gap-4 text-sm">
          <Link to="/terms" className="font-semibold text-white hover:underline">
            이용약관
          </Link>
          <Link to="/privacy" className="font-bold text-white hover:underline">
            개인정보처리방침
          </Link>
          <Link to="/faq" className="hover:underline">
            자주 묻는 질문
          </Link>
          <Link to="/partner" className="hover:underline">
            협력사 신청
          </Link>
        </nav>
        <p className="text-xs text-slate-400">© {new Date().getFullYear()} {company.legalName}. All rights reserved.</p>
      </div>
    </footer>
  );
}

/** Floating "견적 요청" button on phones (desktop has it in the header; the wizards have their own bottom bar). */
function QuoteFab() {
  return (
    <Link
      to="/apply"
      className="fixed right-4 bottom-4 z-30 inline-flex md:hidden min-h-14 items-center gap-2 rounded-full bg-leaf-600 px-6 text-lg font-bold text-white shadow-lg shadow-leaf-700/30 hover:bg-leaf-700"
    >
      <ClipboardList className="size-6" aria-hidden="true" />
      견적 요청
    </Link>
  );
}

function ScrollToTop() {
  const { pathname, hash } = useLocation();
  useEffect(() => {
    if (hash) {
      document.getElementById(hash.slice(1))?.scrollIntoView();
      return;
    }
    window.scrollTo({ top: 0 });
  }, [pathname, hash]);
  return null;
}

export function PublicLayout() {
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main-content" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-white focus:p-3">
        본문 바로가기
      </a>
      <ScrollToTop />
      <SiteHeader />
      <main id="main-content" className="flex-1">
        <Outlet />
      </main>
      <SiteFooter />
      <QuoteFab />
    </div>
  );
}
