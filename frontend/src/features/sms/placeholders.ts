/** Placeholders a template can use, with the sample values its preview fills in. */

/** Sample values for the preview (the reference's: 홍길동, a date, 오후 2시, a Yangpyeong address …). */
const SAMPLES: Record<string, string> = {
  customer_name: '홍길동',
  customer_phone: '010-1234-5678',
  company_name: '푸른조경',
  representative_name: '김대표',
  partner_name: '푸른조경',
  partner_phone: '010-9876-5432',
  contact_phone: '010-9876-5432',
  application_number: '20260115-001',
  existing_application_number: '20260110-003',
  existing_status: '상담중',
  services: '제초 작업, 마당 청소',
  schedule_info: '상담 2026-01-20, 작업 2026-01-25',
  scheduled_date: '2026-01-25',
  scheduled_time: '오후 2시',
  old_date: '2026-01-24',
  new_date: '2026-01-25',
  new_time: '오후 2시',
  address: '경기도 양평군 서종면 문호리 123',
  estimated_cost: '350,000원',
  cancel_reason: '고객 요청',
  rejection_reason: '서류 보완 필요',
  view_url: 'https://jibsa.kr/view/customer/AbCdEfGh',
};

export function sampleValues(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, SAMPLES[n] ?? '가나다']));
}

/** Placeholder names the system knows how to fill (a new template declares the ones its text uses). */
export const KNOWN_PLACEHOLDERS: ReadonlySet<string> = new Set(Object.keys(SAMPLES));

/** Filled from the company profile on every send: allowed in any template without being declared. */
export const COMPANY_PLACEHOLDERS = ['company_name', 'company_phone'] as const;

/** The insertion buttons of a new template: the values a custom template is usually filled with. */
export const PLACEHOLDER_CHOICES: readonly { name: string; label: string }[] = [
  { name: 'customer_name', label: '고객 이름' },
  { name: 'application_number', label: '신청 번호' },
  { name: 'services', label: '서비스' },
  { name: 'address', label: '주소' },
  { name: 'scheduled_date', label: '작업일' },
  { name: 'scheduled_time', label: '작업 시간' },
  { name: 'estimated_cost', label: '견적 금액' },
  { name: 'partner_name', label: '협력사 이름' },
  { name: 'company_name', label: '회사 이름' },
  { name: 'company_phone', label: '회사 전화' },
];

/** `{name}` placeholders of a text, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!))];
}

/** The variables a new template declares: known placeholders its text uses (company values need no declaration). */
export function declaredVariables(content: string): string[] {
  const company = new Set<string>(COMPANY_PLACEHOLDERS);
  return placeholdersIn(content).filter((name) => KNOWN_PLACEHOLDERS.has(name) && !company.has(name));
}
