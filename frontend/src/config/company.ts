/**
 * Company profile shown on public pages.
 *
 * The live values (name, phone, address, e-mail, business number, representative, tagline) come from the
 * company settings through `GET /api/v1/company` (`useCompany()` in `src/hooks/use-company.ts`); these
 * constants are the loading fallback (the demo's seeded values) and the marketing copy that is not a setting.
 */
export const COMPANY = {
  name: '전방홈케어',
  brand: '전방 · 전원생활 토탈 솔루션',
  slogan: '전원주택 관리의 새로운 기준',
  description: '전방은 고객과 협력사를 연결하는 신뢰할 수 있는 파트너입니다',
  phone: '1551-6640',
  email: 'info@geonbang.com',
  address: '경기도 하남시 검단산로 239, B1층 23호(창우동, 하남시 벤처집적시설)',
  businessHours: '평일 09:00 - 18:00',
  legalName: '전방',
  /** Core service area: Yangpyeong and Gapyeong counties. */
  serviceArea: '경기도 양평군 · 가평군 중심',
} as const;
