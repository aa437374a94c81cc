/** Display formatting shared by the admin screens: money in KRW integers, Korean dates. */

const WON = new Intl.NumberFormat('ko-KR');

/** 1500000 → "1,500,000원"; null → "-". */
export function formatWon(value: number | null | undefined): string {
  return value === null || value === undefined ? '-' : `${WON.format(value)}원`;
}

/** Digits of a typed amount with thousand separators: "1500000" → "1,500,000". */
export function formatAmountInput(raw: string): string {
  const digits = raw.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return digits ? WON.format(Number(digits)) : '';
}

/** "1,500,000" → 1500000; empty → null. */
export function parseAmountInput(text: string): number | null {
  const digits = text.replace(/\D/g, '');
  return digits ? Number(digits) : null;
}

function toDate(iso: string): Date {
  return new Date(iso.length === 10 ? `${iso}T00:00:00+09:00` : iso);
}

/** "2026-11-28" or an ISO instant → "2026. 11. 28." (Seoul). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '-';
  const d = toDate(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** "11. 28. (토)" — compact, for tables and cards. */
export function formatDateShort(iso: string | null | undefined): string {
  if (!iso) return '-';
  const d = toDate(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', month: '2-digit', day: '2-digit', weekday: 'short' }).format(d);
}

/** An instant → "2026. 11. 28. 오후 2:05" (Seoul). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '-';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A phone number as digits → "010-1234-5678" (already formatted input is kept). */
export function formatPhone(value: string | null | undefined): string {
  if (!value) return '-';
  if (value.includes('-') || value.includes('*')) return value;
  const d = value.replace(/\D/g, '');
  if (d.length === 11) return `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
  if (d.length === 10) {
    return d.startsWith('02') ? `${d.slice(0, 2)}-${d.slice(2, 6)}-${d.slice(6)}` : `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
  }
  if (d.length === 9 && d.startsWith('02')) return `${d.slice(0, 2)}-${d.slice(2, 5)}-${d.slice(5)}`;
  if (d.length === 8) return `${d.slice(0, 4)}-${d.slice(4)}`;
  return value;
}

/** An instant → "오후 2:05" (Seoul). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '-';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', timeStyle: 'short' }).format(d);
}
