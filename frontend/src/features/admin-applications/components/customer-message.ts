import { MMS_MAX_IMAGES } from '@/lib/sms';
import { LMS_MAX_BYTES, smsByteLength } from '@/lib/sms-bytes';

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** Fill a template's `{name}` placeholders with the values known on this screen; unknown ones stay as they are. */
export function fillTemplate(content: string, values: Record<string, string | null | undefined>): string {
  return content.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value ? value : whole;
  });
}

/** Placeholders still in the text (a template value this screen does not know): they must be replaced by hand. */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[0]))];
}

/** Why the message cannot be sent yet, or null. */
export function validateCustomerMessage(message: string, images: File[]): string | null {
  if (!message.trim()) return '메시지를 입력해 주세요.';
  if (smsByteLength(message) > LMS_MAX_BYTES) return '메시지가 2,000바이트를 넘습니다. 내용을 줄여 주세요.';
  const left = unfilledPlaceholders(message);
  if (left.length > 0) return `채우지 않은 항목이 있습니다: ${left.join(', ')}`;
  if (images.length > MMS_MAX_IMAGES) return `사진은 ${MMS_MAX_IMAGES}장까지 보낼 수 있습니다.`;
  if (images.some((f) => !f.type.startsWith('image/'))) return '사진 파일만 첨부할 수 있습니다.';
  return null;
}
