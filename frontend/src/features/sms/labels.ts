import type { MessageStatus, MessageType, TriggerSource } from '@/client/types.gen';
import { JOB_STATUS_LABEL } from '@/lib/sms';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export const STATUS_LABEL: Record<MessageStatus, { label: string; tone: Tone }> = {
  queued: { label: '대기', tone: 'info' },
  sending: { label: '발송 중', tone: 'info' },
  sent: { label: '발송 완료', tone: 'success' },
  failed: { label: '실패', tone: 'danger' },
  cancelled: { label: '취소', tone: 'neutral' },
};

export const TRIGGER_LABEL: Record<TriggerSource, { label: string; tone: Tone }> = {
  system: { label: '시스템', tone: 'neutral' },
  manual: { label: '직접', tone: 'info' },
  bulk: { label: '대량', tone: 'warning' },
};

export const TYPE_LABEL: Record<MessageType, string> = { SMS: '단문(SMS)', LMS: '장문(LMS)', MMS: '사진(MMS)' };

export const RECIPIENT_KIND_LABEL: Record<string, string> = { customer: '고객', partner: '협력사', admin: '관리자', other: '기타' };

export const APPLICATION_STATUS_OPTIONS = [
  { value: 'new', label: '신규' },
  { value: 'consulting', label: '상담중' },
  { value: 'assigned', label: '배정완료' },
  { value: 'scheduled', label: '일정확정' },
  { value: 'completed', label: '완료' },
  { value: 'cancelled', label: '취소' },
];

export const PARTNER_STATUS_OPTIONS = [
  { value: 'pending', label: '대기중' },
  { value: 'approved', label: '승인됨' },
  { value: 'rejected', label: '거절됨' },
  { value: 'suspended', label: '일시중지' },
  { value: 'inactive', label: '비활성' },
];

export { JOB_STATUS_LABEL };

const JOB_STATUS_TONE: Record<string, Tone> = {
  pending: 'info',
  processing: 'info',
  completed: 'success',
  partial_failed: 'warning',
  failed: 'danger',
  cancelled: 'neutral',
};

export function jobStatus(status: string): { label: string; tone: Tone } {
  return { label: JOB_STATUS_LABEL[status] ?? status, tone: JOB_STATUS_TONE[status] ?? 'neutral' };
}

export const JOB_TARGET_LABEL: Record<string, string> = { customer: '고객', partner: '협력사' };

export function statusLabel(value: string): string {
  return [...APPLICATION_STATUS_OPTIONS, ...PARTNER_STATUS_OPTIONS].find((o) => o.value === value)?.label ?? value;
}
