import { ChevronDown, Phone } from 'lucide-react';
import { useId, useState } from 'react';
import { Link } from 'react-router';

import { buttonClasses } from '@/components/ui/button';
import { COMPANY } from '@/config/company';
import { cn } from '@/lib/cn';
import { telHref } from '@/lib/phone';

type Category = '서비스 이용' | '협력사' | '기타';

const FAQ: { category: Category; q: string; a: string }[] = [
  {
    category: '서비스 이용',
    q: '서비스 신청은 어떻게 하나요?',
    a: "홈페이지의 '견적 요청하기'를 눌러 필요한 서비스를 고르고, 주소와 연락처, 요청 내용을 입력해 주세요. 현장 사진을 함께 올리시면 더 정확한 견적 상담이 가능합니다.",
  },
  {
    category: '서비스 이용',
    q: '서비스 가능 지역은 어디인가요?',
    a: '현재 양평, 가평 지역을 중심으로 서비스하고 있으며, 인근 지역과 전국으로 가능한 서비스도 있으니 작업 지역은 전화로 문의해 주세요.',
  },
  {
    category: '서비스 이용',
    q: '견적은 어떻게 받을 수 있나요?',
    a: '신청 후 담당자가 내용을 확인하고, 필요하면 현장을 방문한 뒤 정확한 견적을 안내해 드립니다. 보통 1~2일 안에 견적 안내가 가능합니다.',
  },
  {
    category: '서비스 이용',
    q: '서비스 비용은 어떻게 결제하나요?',
    a: '결제 방법은 서비스 진행 시 담당자가 안내해 드립니다. 온라인 결제는 없으며 현장에서 결제합니다.',
  },
  {
    category: '서비스 이용',
    q: '긴급 서비스도 가능한가요?',
    a: '네. 긴급한 수리가 필요하면 전화로 연락 주세요. 가능한 빠르게 대응해 드립니다. 상황에 따라 추가 비용이 생길 수 있습니다.',
  },
  {
    category: '협력사',
    q: '협력사 등록은 어떻게 하나요?',
    a: "홈페이지의 '협력사 신청하기'를 눌러 업체 정보, 가능한 서비스, 활동 지역 등을 입력해 주세요. 심사 후 승인되면 문자로 안내해 드립니다.",
  },
  {
    category: '협력사',
    q: '협력사 등록 심사 기간은 얼마나 걸리나요?',
    a: '보통 영업일 기준 1~3일 안에 심사가 끝납니다. 결과는 문자로 안내해 드립니다.',
  },
  {
    category: '협력사',
    q: '협력사 수수료는 어떻게 되나요?',
    a: '수수료와 정산 방식은 따로 안내해 드립니다. 자세한 내용은 협력사 등록 후 담당자와 상담해 주세요.',
  },
  {
    category: '기타',
    q: '작업 후 문제가 생기면 어떻게 하나요?',
    a: '작업 완료 후 문제가 생기면 담당자에게 연락해 주세요. 확인 후 AS를 진행합니다. AS 정책은 서비스 종류에 따라 다를 수 있으니 작업 전에 확인해 주세요.',
  },
  {
    category: '기타',
    q: '회원가입이 필요한가요?',
    a: '아니요. 회원가입 없이 신청할 수 있습니다. 신청 시 입력하신 연락처로 진행 상황을 안내해 드립니다.',
  },
  {
    category: '기타',
    q: '진행 상황은 어떻게 확인하나요?',
    a: '신청번호와 함께 진행 상황을 문자로 안내해 드립니다. 작업이 끝나면 사진과 견적을 볼 수 있는 링크도 보내 드립니다.',
  },
];

const CATEGORIES = ['전체', '서비스 이용', '협력사', '기타'] as const;

export function Component() {
  const [category, setCategory] = useState<(typeof CATEGORIES)[number]>('전체');
  const [open, setOpen] = useState<number | null>(null);
  const baseId = useId();
  const items = FAQ.filter((f) => category === '전체' || f.category === category);
  const groups = (category === '전체' ? (['서비스 이용', '협력사', '기타'] as Category[]) : [category as Category]).map((c) => ({
    category: c,
    items: items.filter((f) => f.category === c),
  }));

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-12">
      <header>
        <h1 className="text-4xl font-extrabold">자주 묻는 질문</h1>
        <p className="mt-2 text-xl text-slate-700">{COMPANY.name} 이용에 대해 궁금한 점을 확인해 보세요.</p>
      </header>
      <div role="group" aria-label="질문 분류" className="flex flex-wrap gap-2">
        {CATEGORIES.map((c) => (
          <button
            key={c}
            type="button"
            aria-pressed={category === c}
            onClick={() => {
              setCategory(c);
              setOpen(null);
            }}
            className={cn(
              'min-h-12 rounded-full px-5 text-lg font-semibold',
              category === c ? 'bg-brand-700 text-white' : 'bg-slate-100 text-slate-800 hover:bg-slate-200',
            )}
          >
            {c}
          </button>
        ))}
      </div>
      {groups.map((g) => (
        <section key={g.category} aria-labelledby={`${baseId}-${g.category}`}>
          <h2 id={`${baseId}-${g.category}`} className="mb-3 text-2xl font-bold">
            {g.category}
          </h2>
          <ul className="flex flex-col gap-3">
            {g.items.map((item) => {
              const index = FAQ.indexOf(item);
              const isOpen = open === index;
              const panel = `${baseId}-a-${index}`;
              return (
                <li key={item.q} className="overflow-hidden rounded-2xl border border-slate-200">
                  <h3>
                    <button
                      type="button"
                      aria-expanded={isOpen}
                      aria-controls={panel}
                      onClick={() => setOpen(isOpen ? null : index)}
                      className="flex min-h-14 w-full items-center gap-3 px-5 py-4 text-left text-lg font-semibold hover:bg-slate-50"
                    >
                      <span className="font-extrabold text-brand-700" aria-hidden="true">
                        Q
                      </span>
                      <span className="flex-1">{item.q}</span>
                      <ChevronDown className={cn('size-6 shrink-0 text-slate-500 transition-transform', isOpen && 'rotate-180')} aria-hidden="true" />
                    </button>
                  </h3>
                  {isOpen && (
                    <div id={panel} className="flex gap-3 border-t border-slate-200 bg-slate-50 px-5 py-4 text-lg leading-relaxed text-slate-800">
                      <span className="font-extrabold text-leaf-700" aria-hidden="true">
                        A
                      </span>
                      <p>{item.a}</p>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <section className="rounded-2xl bg-slate-50 p-6 text-center">
        <h2 className="text-2xl font-bold">원하는 답을 찾지 못하셨나요?</h2>
        <p className="mt-2 text-lg text-slate-700">전화나 견적 요청으로 문의해 주세요.</p>
        <div className="mt-4 flex flex-col justify-center gap-3 sm:flex-row">
          <a href={telHref(COMPANY.phone)} className={buttonClasses('outline', 'lg')}>
            <Phone className="size-5" aria-hidden="true" />
            {COMPANY.phone}
          </a>
          <Link to="/apply" className={buttonClasses('primary', 'lg')}>
            견적 요청하기
          </Link>
        </div>
      </section>
    </div>
  );
}
