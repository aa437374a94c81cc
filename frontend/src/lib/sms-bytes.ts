/** SMS length rules as Korean gateways count them (CP949): ASCII 1 byte, Hangul and other characters 2. */
export const SMS_MAX_BYTES = 90;
export const LMS_MAX_BYTES = 2000;

export function smsByteLength(text: string): number {
  let bytes = 0;
  for (const ch of text) bytes += ch.codePointAt(0)! < 0x80 ? 1 : 2;
  return bytes;
}

export type SmsKind = 'SMS' | 'LMS' | 'MMS';

export function smsKind(bytes: number, hasImages = false): SmsKind {
  if (hasImages) return 'MMS';
  return bytes <= SMS_MAX_BYTES ? 'SMS' : 'LMS';
}
