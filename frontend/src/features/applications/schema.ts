import { z } from 'zod';

import { todayInSeoul } from '@/lib/dates';
import { isKoreanPhone } from '@/lib/phone';

const optionalFutureDate = z
  .string()
  .refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), '날짜를 YYYY-MM-DD 형식으로 입력해 주세요.')
  .refine((v) => v === '' || v >= todayInSeoul(), '오늘 이후 날짜를 선택해 주세요.');

/** One schema for the whole wizard; each step validates its own fields (`STEP_FIELDS`). Mirrors the server rules. */
export const applySchema = z.object({
  selected_services: z.array(z.string()).min(1, '필요한 서비스를 1개 이상 선택해 주세요.'),
  customer_name: z
    .string()
    .trim()
    .min(2, '이름을 2자 이상 입력해 주세요.')
    .max(50, '이름은 50자 이내로 입력해 주세요.'),
  customer_phone: z
    .string()
    .trim()
    .min(1, '연락처를 입력해 주세요.')
    .refine(isKoreanPhone, '올바른 전화번호를 입력해 주세요. (예: 010-1234-5678)'),
  address: z
    .string()
    .trim()
    .min(5, '주소를 5자 이상 입력해 주세요. (예: 경기도 양평군 서종면 …)')
    .max(200, '주소는 200자 이내로 입력해 주세요.'),
  address_detail: z.string().trim().max(200, '상세 주소는 200자 이내로 입력해 주세요.'),
  description: z
    .string()
    .trim()
    .min(10, '요청 내용을 10자 이상 적어 주세요.')
    .max(1000, '요청 내용은 1000자 이내로 적어 주세요.'),
  preferred_consultation_date: optionalFutureDate,
  preferred_work_date: optionalFutureDate,
  privacy_consent: z.boolean().refine((v) => v, '개인정보 수집·이용에 동의해 주세요.'),
});

export type ApplyFormValues = z.infer<typeof applySchema>;
export type ApplyField = keyof ApplyFormValues;

export const APPLY_STEPS = ['서비스 선택', '연락처·주소', '요청 내용', '확인·동의'] as const;

export const STEP_FIELDS: readonly (readonly ApplyField[])[] = [
  ['selected_services'],
  ['customer_name', 'customer_phone', 'address', 'address_detail'],
  ['description', 'preferred_consultation_date', 'preferred_work_date'],
  ['privacy_consent'],
];

/** Step that shows a server field (`photos` is on the description step). */
export function stepOfField(field: string): number | null {
  if (field === 'photos') return 2;
  const i = STEP_FIELDS.findIndex((fields) => (fields as readonly string[]).includes(field));
  return i === -1 ? null : i;
}

export const APPLY_DEFAULTS: ApplyFormValues = {
  selected_services: [],
  customer_name: '',
  customer_phone: '',
  address: '',
  address_detail: '',
  description: '',
  preferred_consultation_date: '',
  preferred_work_date: '',
  privacy_consent: false,
};

export const MAX_PHOTOS = 10;
