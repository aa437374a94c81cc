/** Korean labels and colour tones of the status enums (the API also sends `status_label`; these cover the rest). */
import type { ApplicationStatus, AssignmentStatus, PartnerStatus } from '@/client/types.gen';

export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'violet' | 'teal';

export const APPLICATION_STATUS: Record<ApplicationStatus, { label: string; tone: StatusTone }> = {
  new: { label: '신규', tone: 'info' },
  consulting: { label: '상담중', tone: 'warning' },
  assigned: { label: '배정완료', tone: 'violet' },
  scheduled: { label: '일정확정', tone: 'teal' },
  completed: { label: '완료', tone: 'success' },
  cancelled: { label: '취소', tone: 'neutral' },
};

export const APPLICATION_STATUS_ORDER: ApplicationStatus[] = ['new', 'consulting', 'assigned', 'scheduled', 'completed', 'cancelled'];

export const ASSIGNMENT_STATUS: Record<AssignmentStatus, { label: string; tone: StatusTone }> = {
  pending: { label: '대기', tone: 'warning' },
  scheduled: { label: '일정확정', tone: 'teal' },
  completed: { label: '완료', tone: 'success' },
  cancelled: { label: '취소', tone: 'neutral' },
};

export const PARTNER_STATUS: Record<PartnerStatus, { label: string; tone: StatusTone }> = {
  pending: { label: '대기중', tone: 'warning' },
  approved: { label: '승인됨', tone: 'success' },
  rejected: { label: '거절됨', tone: 'danger' },
  suspended: { label: '일시중지', tone: 'violet' },
  inactive: { label: '비활성', tone: 'neutral' },
};

export const PARTNER_STATUS_ORDER: PartnerStatus[] = ['pending', 'approved', 'rejected', 'suspended', 'inactive'];

export function applicationStatusLabel(status: string): string {
  return APPLICATION_STATUS[status as ApplicationStatus]?.label ?? status;
}

export function assignmentStatusLabel(status: string): string {
  return ASSIGNMENT_STATUS[status as AssignmentStatus]?.label ?? status;
}

export function partnerStatusLabel(status: string): string {
  return PARTNER_STATUS[status as PartnerStatus]?.label ?? status;
}
