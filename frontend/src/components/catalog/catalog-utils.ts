import type { Catalog, ServiceTypeOut } from '@/client/types.gen';

export function isBookable(service: Pick<ServiceTypeOut, 'booking_status' | 'is_active'>): boolean {
  return service.booking_status === 'AVAILABLE' && service.is_active;
}

export function bookingLabel(service: Pick<ServiceTypeOut, 'booking_status'>): string | null {
  if (service.booking_status === 'PREPARING') return '준비 중';
  if (service.booking_status === 'PAUSED') return '일시 중단';
  return null;
}

/** code → name map across all categories. */
export function serviceNames(catalog: Catalog | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of catalog?.categories ?? []) for (const s of c.services) map.set(s.code, s.name);
  return map;
}

/** Tabs of the service picker (reference grouping); unknown categories fall into 기타. */
export const SERVICE_GROUPS = [
  { key: 'exterior', label: '외부 관리', categories: ['construction', 'exterior', 'landscaping', 'outdoor_facility', 'window_door'] },
  { key: 'interior', label: '실내 개선', categories: ['indoor_furniture', 'bathroom', 'finishing', 'plumbing', 'electrical', 'cleaning'] },
  { key: 'regular', label: '정기 관리', categories: ['package_management'] },
  { key: 'other', label: '기타', categories: ['specialized_services', 'others'] },
] as const;

export type ServiceGroupKey = (typeof SERVICE_GROUPS)[number]['key'];

export function groupOf(categoryCode: string): ServiceGroupKey {
  for (const g of SERVICE_GROUPS) if ((g.categories as readonly string[]).includes(categoryCode)) return g.key;
  return 'other';
}
