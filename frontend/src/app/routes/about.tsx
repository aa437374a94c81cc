import { Clock, Mail, MapPin, Phone } from 'lucide-react';
import { Link } from 'react-router';

import { buttonClasses } from '@/components/ui/button';
import { COMPANY } from '@/config/company';
import { telHref } from '@/lib/phone';

const AREAS = [
  { title: '부동산 분양·중개', text: '전원주택과 토지의 분양, 컨설팅, 중개로 전원생활의 시작을 돕습니다.' },
  { title: '전원 커뮤니티', text: '전원에 사는 분들이 정보를 나누고 서로 돕는 네트워크를 만듭니다.' },
  { title: '전원주택 홈케어', text: '제초·조경·외부 시설·실내 수리까지 집 관리를 한 창구에서 해결합니다.' },
];

const VALUES = [
  { title: '신뢰', text: '검증된 협력사만 연결하고, 진행 상황을 투명하게 알려 드립니다.' },
  { title: '상생', text: '고객과 협력사, 지역이 함께 성장하는 구조를 만듭니다.' },
];

export function Component() {
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-12 px-4 py-12">
      <header className="flex flex-col gap-3">
        <h1 className="text-4xl font-extrabold">회사 소개</h1>
        <p className="text-xl leading-relaxed text-slate-700">
          {COMPANY.legalName}은 전원생활의 모든 것을 함께하는 토탈 솔루션 기업입니다. {COMPANY.description}.
        </p>
      </header>

      <section aria-labelledby="areas">
        <h2 id="areas" className="mb-4 text-2xl font-bold">
          사업 분야
        </h2>
        <ul className="grid gap-4 md:grid-cols-3">
          {AREAS.map((a) => (
            <li key={a.title} className="rounded-2xl border border-slate-200 p-5">
              <h3 className="text-lg font-bold">{a.title}</h3>
              <p className="mt-1 text-slate-700">{a.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="mission">
        <h2 id="mission" className="mb-4 text-2xl font-bold">
          미션과 가치
        </h2>
        <p className="mb-4 text-lg text-slate-700">
          멀리 있어도 안심할 수 있는 집. 주말 주택을 가진 분들이 관리 걱정 없이 전원생활을 누리도록 돕는 것이 저희의 목표입니다.
        </p>
        <ul className="grid gap-4 sm:grid-cols-2">
          {VALUES.map((v) => (
            <li key={v.title} className="rounded-2xl bg-brand-50 p-5">
              <h3 className="text-lg font-bold text-brand-800">{v.title}</h3>
              <p className="mt-1 text-slate-700">{v.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="role">
        <h2 id="role" className="mb-4 text-2xl font-bold">
          {COMPANY.name}의 역할
        </h2>
        <p className="text-lg leading-relaxed text-slate-700">
          직접 시공하는 대신, 고객의 요청을 받아 견적을 안내하고 지역과 분야에 맞는 검증된 협력사를 연결합니다. 일정 조율, 작업 전·후
          사진 확인, 완료 후 사후 관리까지 한 창구에서 책임집니다. 비용은 현장에서 결제합니다.
        </p>
      </section>

      <section aria-labelledby="contact" className="rounded-2xl border border-slate-200 p-6">
        <h2 id="contact" className="mb-4 text-2xl font-bold">
          연락처
        </h2>
        <ul className="flex flex-col gap-3 text-lg">
          <li className="flex items-center gap-3">
            <Phone className="size-5 text-brand-700" aria-hidden="true" />
            <a href={telHref(COMPANY.phone)} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
              {COMPANY.phone}
            </a>
          </li>
          <li className="flex items-center gap-3">
            <Mail className="size-5 text-brand-700" aria-hidden="true" />
            {COMPANY.email}
          </li>
          <li className="flex items-center gap-3">
            <Clock className="size-5 text-brand-700" aria-hidden="true" />
            {COMPANY.businessHours}
          </li>
          <li className="flex items-start gap-3">
            <MapPin className="mt-1 size-5 shrink-0 text-brand-700" aria-hidden="true" />
            {COMPANY.address}
          </li>
        </ul>
      </section>

      <div className="flex flex-col gap-3 sm:flex-row">
        <Link to="/apply" className={buttonClasses('primary', 'lg', 'flex-1')}>
          견적 요청하기
        </Link>
        <Link to="/partner" className={buttonClasses('outline', 'lg', 'flex-1')}>
          협력사 신청하기
        </Link>
      </div>
    </div>
  );
}
