import { z } from 'zod';

import { isValidBusinessNumber } from '@/lib/business-number';
import { isKoreanPhone } from '@/lib/phone';

const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label}은(는) ${max}자 이내로 적어 주세요.`);

export const workRegionSchema = z.object({
  province_code: z.string(),
  district_codes: z.array(z.string()),
  all_districts: z.boolean(),
});

/** Whole partner wizard; each step validates its `STEP_FIELDS`. Mirrors the server rules. */
export const partnerSchema = z.object({
  service_codes: z.array(z.string()).min(1, '제공할 수 있는 서비스를 1개 이상 선택해 주세요.'),
  company_name: z.string().trim().min(2, '업체명을 2자 이상 입력해 주세요.').max(100, '업체명은 100자 이내로 입력해 주세요.'),
  representative_name: z
    .string()
    .trim()
    .min(2, '대표자 이름을 2자 이상 입력해 주세요.')
    .max(50, '대표자 이름은 50자 이내로 입력해 주세요.'),
  business_number: z
    .string()
    .trim()
    .refine((v) => v === '' || isValidBusinessNumber(v), '올바른 사업자등록번호가 아닙니다. 숫자 10자리를 확인해 주세요.'),
  contact_phone: z
    .string()
    .trim()
    .min(1, '연락처를 입력해 주세요.')
    .refine(isKoreanPhone, '올바른 전화번호를 입력해 주세요. (예: 010-1234-5678)'),
  contact_email: z
    .string()
    .trim()
    .refine((v) => v === '' || z.email().safeParse(v).success, '올바른 이메일 주소를 입력해 주세요.'),
  address: z.string().trim().min(5, '사업장 주소를 5자 이상 입력해 주세요.').max(200, '주소는 200자 이내로 입력해 주세요.'),
  address_detail: z.string().trim().max(200, '상세 주소는 200자 이내로 입력해 주세요.'),
  work_regions: z.array(workRegionSchema).min(1, '작업 가능 지역을 1곳 이상 선택해 주세요.'),
  introduction: optionalText(500, '업체 소개'),
  experience: optionalText(500, '경력'),
  remarks: optionalText(500, '기타 사항'),
  privacy_consent: z.boolean().refine((v) => v, '개인정보 수집·이용에 동의해 주세요.'),
  terms_consent: z.boolean().refine((v) => v, '협력사 이용약관에 동의해 주세요.'),
});

export type PartnerFormValues = z.infer<typeof partnerSchema>;
export type PartnerField = keyof PartnerFormValues;

export const PARTNER_STEPS = ['서비스', '업체 정보', '연락처·지역', '소개·서류', '확인·동의'] as const;

export const STEP_FIELDS: readonly (readonly PartnerField[])[] = [
  ['service_codes'],
  ['company_name', 'representative_name', 'business_number'],
  ['contact_phone', 'contact_email', 'address', 'address_detail', 'work_regions'],
  ['introduction', 'experience', 'remarks'],
  ['privacy_consent', 'terms_consent'],
];

export function stepOfField(field: string): number | null {
  if (field === 'business_registration_file') return 3;
  const i = STEP_FIELDS.findIndex((fields) => (fields as readonly string[]).includes(field));
  return i === -1 ? null : i;
}

export const PARTNER_DEFAULTS: PartnerFormValues = {
  service_codes: [],
  company_name: '',
  representative_name: '',
  business_number: '',
  contact_phone: '',
  contact_email: '',
  address: '',
  address_detail: '',
  work_regions: [],
  introduction: '',
  experience: '',
  remarks: '',
  privacy_consent: false,
  terms_consent: false,
};

export const MAX_REGISTRATION_FILE_BYTES = 10 * 1024 * 1024;
export const REGISTRATION_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/** Validates the optional business registration file; returns a Korean message or null. */
export function checkRegistrationFile(file: File): string | null {
  const okType = REGISTRATION_FILE_TYPES.includes(file.type) || /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!okType) return 'PDF, JPG, PNG 파일만 올릴 수 있습니다.';
  if (file.size > MAX_REGISTRATION_FILE_BYTES) return '10MB 이하 파일만 올릴 수 있습니다.';
  return null;
}
