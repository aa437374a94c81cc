/** Korean phone number helpers. Numbers are stored as digits; displayed with hyphens. */

export function digitsOnly(value: string): string {
  return value.replace(/\D/g, '');
}

/** Formats as the user types: 010-1234-5678, 02-123-4567, 031-123-4567, 1551-6640. */
export function formatPhone(value: string): string {
  const d = digitsOnly(value).slice(0, 11);
  if (d.startsWith('02')) {
    if (d.length <= 2) return d;
    if (d.length <= 5) return `${d.slice(0, 2)}-${d.slice(2)}`;
    if (d.length <= 9) return `${d.slice(0, 2)}-${d.slice(2, 5)}-${d.slice(5)}`;
    return `${d.slice(0, 2)}-${d.slice(2, 6)}-${d.slice(6, 10)}`;
  }
  if (/^1[5-9]\d{2}/.test(d) && d.length <= 8) {
    // Nationwide representative numbers (15xx, 16xx, 18xx).
    if (d.length <= 4) return d;
    return `${d.slice(0, 4)}-${d.slice(4)}`;
  }
  if (d.length <= 3) return d;
  if (d.startsWith('010')) {
    // 010 numbers are always 3-4-4; show that shape while typing.
    if (d.length <= 7) return `${d.slice(0, 3)}-${d.slice(3)}`;
    return `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
  }
  if (d.length <= 6) return `${d.slice(0, 3)}-${d.slice(3)}`;
  if (d.length <= 10) return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
  return `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
}

const MOBILE = /^01[016789]\d{7,8}$/;
const SEOUL = /^02\d{7,8}$/;
const AREA = /^0(3[1-3]|4[1-4]|5[1-5]|6[1-4])\d{7,8}$/;
const INTERNET = /^070\d{8}$/;
const REPRESENTATIVE = /^1[5-9]\d{6}$/;

export function isKoreanMobile(value: string): boolean {
  return MOBILE.test(digitsOnly(value));
}

/** Mobile, landline (02 / area codes), 070, or 15xx-type representative numbers. */
export function isKoreanPhone(value: string): boolean {
  const d = digitsOnly(value);
  return MOBILE.test(d) || SEOUL.test(d) || AREA.test(d) || INTERNET.test(d) || REPRESENTATIVE.test(d);
}

/** tel: href for a display number. */
export function telHref(value: string): string {
  return `tel:${digitsOnly(value)}`;
}
