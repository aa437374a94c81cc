import {
  ArrowRight,
  BadgeCheck,
  Camera,
  ClipboardCheck,
  Handshake,
  HeartHandshake,
  Home,
  ListChecks,
  MessageSquareText,
  Network,
  Phone,
  Receipt,
  ShieldCheck,
  TrendingUp,
  Users,
  Wallet,
  Wrench,
} from 'lucide-react';
import { Link } from 'react-router';

import { buttonClasses } from '@/components/ui/button';
import { COMPANY } from '@/config/company';
import { ServicesGrid } from '@/features/catalog';
import { telHref } from '@/lib/phone';

const BUSINESS_LINES = [
  { title: '부동산 분양·중개', text: '전원주택, 토지 분양과 컨설팅, 중개 서비스를 제공합니다.', Icon: Home },
  { title: '전원 커뮤니티', text: '전원 생활인들의 소통으로 네트워크를 만듭니다.', Icon: Users },
  { title: '전원주택 홈케어', text: '전원주택 관리 전문 서비스를 운영합니다.', Icon: Wrench },
];

const STRUCTURE = [
  { role: '고객', text: '전원주택 소유자·거주자' },
  { role: COMPANY.legalName, text: '주택 관리 매니저' },
  { role: '협력사', text: '시공 전문업체' },
];

const ROLES = [
  { title: '고객 관리', text: '요청 접수부터 완료까지 한 창구로 안내', Icon: HeartHandshake },
  { title: '협력사 연결', text: '지역과 분야에 맞는 검증된 업체 배정', Icon: Handshake },
  { title: '시공 관리', text: '일정 조율과 작업 전·후 사진 확인', Icon: ClipboardCheck },
  { title: '결제 관리', text: '항목별 견적과 투명한 비용 안내', Icon: Receipt },
  { title: '사후 관리', text: '완료 후 문제가 생기면 다시 연결', Icon: ShieldCheck },
];

const PROCESS = [
  { title: '견적 요청', text: '휴대폰으로 바로 신청하거나 QR 코드를 찍어 시작합니다.', Icon: Phone },
  { title: '서비스 선택', text: '필요한 작업을 골라 주세요. 여러 개를 함께 고를 수 있습니다.', Icon: ListChecks },
  { title: '현장 정보·사진', text: '주소와 요청 내용, 현장 사진을 올려 주세요.', Icon: Camera },
  { title: '견적 회신', text: '담당자가 확인 후 견적과 일정을 안내해 드립니다.', Icon: MessageSquareText },
];

const BENEFITS = [
  { title: '안정적인 일감 연결', text: '지속적인 작업 연결로 안정적인 수익', Icon: BadgeCheck },
  { title: '합리적인 정산', text: '명확한 기준의 대금 정산', Icon: Wallet },
  { title: '사업 영역 확장', text: '다양한 현장으로 사업 확대', Icon: TrendingUp },
  { title: '전문 네트워크', text: '지역 전문가들과의 협업 기회', Icon: Network },
];

export function Component() {
  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-white">
        <div className="mx-auto grid max-w-6xl gap-8 px-4 py-12 md:grid-cols-[1.2fr_1fr] md:py-20">
          <div className="flex flex-col gap-5">
            <p className="inline-flex w-fit rounded-full bg-white px-4 py-1.5 text-base font-semibold text-leaf-700 shadow-sm">
              {COMPANY.brand}
            </p>
            <h1 className="text-4xl leading-tight font-extrabold text-slate-900 sm:text-5xl">
              {COMPANY.slogan}
            </h1>
            <p className="text-xl leading-relaxed text-slate-700">
              제초, 조경, 외부 청소부터 소규모 수리까지.
              <br />
              비워 둔 주말 주택도 {COMPANY.name}이 믿을 수 있는 협력사와 함께 돌봐 드립니다.
            </p>
            <p className="text-base text-slate-600">{COMPANY.serviceArea}</p>
          </div>
          <div className="flex flex-col gap-3">
            <Link to="/apply" className="group flex items-center gap-4 rounded-2xl bg-brand-700 p-6 text-white shadow-lg hover:bg-brand-800">
              <ClipboardCheck className="size-10 shrink-0" aria-hidden="true" />
              <span className="flex flex-1 flex-col">
                <span className="text-2xl font-bold">견적 요청하기</span>
                <span className="text-base text-brand-100">3분이면 충분합니다. 회원가입 없이 신청하세요.</span>
              </span>
              <ArrowRight className="size-6 transition-transform group-hover:translate-x-1" aria-hidden="true" />
            </Link>
            <Link
              to="/partner"
              className="group flex items-center gap-4 rounded-2xl border-2 border-leaf-600 bg-white p-6 text-slate-900 hover:bg-leaf-50"
            >
              <Handshake className="size-10 shrink-0 text-leaf-700" aria-hidden="true" />
              <span className="flex flex-1 flex-col">
                <span className="text-2xl font-bold">협력사 신청하기</span>
                <span className="text-base text-slate-600">시공 전문업체·개인 사업자를 모십니다.</span>
              </span>
              <ArrowRight className="size-6 text-leaf-700 transition-transform group-hover:translate-x-1" aria-hidden="true" />
            </Link>
            <a href={telHref(COMPANY.phone)} className="flex items-center justify-center gap-2 rounded-2xl bg-white p-4 text-lg shadow-sm">
              <Phone className="size-6 text-brand-700" aria-hidden="true" />
              전화 상담 <strong className="text-2xl text-brand-700">{COMPANY.phone}</strong>
            </a>
          </div>
        </div>
      </section>

      <section aria-labelledby="intro-title" className="mx-auto max-w-6xl px-4 py-14">
        <h2 id="intro-title" className="text-3xl font-bold">
          {COMPANY.legalName} 소개
        </h2>
        <p className="mt-2 text-lg text-slate-700">전원생활의 모든 것을 함께하는 토탈 솔루션 기업입니다.</p>
        <ul className="mt-6 grid gap-4 md:grid-cols-3">
          {BUSINESS_LINES.map(({ title, text, Icon }) => (
            <li key={title} className="rounded-2xl border border-slate-200 p-6">
              <Icon className="size-9 text-brand-700" aria-hidden="true" />
              <h3 className="mt-3 text-xl font-bold">{title}</h3>
              <p className="mt-1 text-slate-700">{text}</p>
            </li>
          ))}
        </ul>
        <ol className="mt-8 flex flex-col items-stretch gap-3 sm:flex-row sm:items-center" aria-label="서비스 구조">
          {STRUCTURE.map((s, i) => (
            <li key={s.role} className="flex flex-1 items-center gap-3">
              <div className="flex-1 rounded-2xl bg-brand-50 p-5 text-center">
                <p className="text-xl font-bold text-brand-800">{s.role}</p>
                <p className="text-slate-700">{s.text}</p>
              </div>
              {i < STRUCTURE.length - 1 && <ArrowRight className="hidden size-6 text-slate-400 sm:block" aria-hidden="true" />}
            </li>
          ))}
        </ol>
      </section>

      <section id="services" aria-labelledby="services-title" className="scroll-mt-20 bg-slate-50">
        <div className="mx-auto max-w-6xl px-4 py-14">
          <h2 id="services-title" className="text-3xl font-bold">
            서비스 안내
          </h2>
          <p className="mt-2 mb-6 text-lg text-slate-700">풀·벌레·눈 치우느라 주말을 다 쓰시나요? 필요한 작업을 골라 한 번에 요청하세요.</p>
          <ServicesGrid />
        </div>
      </section>

      <section aria-labelledby="roles-title" className="mx-auto max-w-6xl px-4 py-14">
        <h2 id="roles-title" className="text-3xl font-bold">
          {COMPANY.name}이 하는 일
        </h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          {ROLES.map(({ title, text, Icon }) => (
            <li key={title} className="rounded-2xl border border-slate-200 p-5">
              <Icon className="size-8 text-leaf-700" aria-hidden="true" />
              <h3 className="mt-2 text-lg font-bold">{title}</h3>
              <p className="text-slate-700">{text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="process-title" className="bg-brand-700 text-white">
        <div className="mx-auto max-w-6xl px-4 py-14">
          <h2 id="process-title" className="text-3xl font-bold">
            견적 요청 절차
          </h2>
          <ol className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {PROCESS.map(({ title, text, Icon }, i) => (
              <li key={title} className="rounded-2xl bg-white/10 p-5">
                <p className="text-sm font-bold text-brand-100">STEP {i + 1}</p>
                <Icon className="mt-2 size-8" aria-hidden="true" />
                <h3 className="mt-2 text-xl font-bold">{title}</h3>
                <p className="text-brand-100">{text}</p>
              </li>
            ))}
          </ol>
          <Link to="/apply" className={buttonClasses('secondary', 'lg', 'mt-8')}>
            지금 견적 요청하기
            <ArrowRight className="size-5" aria-hidden="true" />
          </Link>
        </div>
      </section>

      <section aria-labelledby="benefits-title" className="mx-auto max-w-6xl px-4 py-14">
        <h2 id="benefits-title" className="text-3xl font-bold">
          협력사 혜택
        </h2>
        <p className="mt-2 text-lg text-slate-700">양평·가평 지역에서 함께 일할 시공 전문업체를 찾습니다.</p>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {BENEFITS.map(({ title, text, Icon }) => (
            <li key={title} className="rounded-2xl bg-leaf-50 p-5">
              <Icon className="size-8 text-leaf-700" aria-hidden="true" />
              <h3 className="mt-2 text-lg font-bold">{title}</h3>
              <p className="text-slate-700">{text}</p>
            </li>
          ))}
        </ul>
        <Link to="/partner" className={buttonClasses('outlineLeaf', 'lg', 'mt-8')}>
          협력사 신청하기
          <ArrowRight className="size-5" aria-hidden="true" />
        </Link>
      </section>
    </>
  );
}
