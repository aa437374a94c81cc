/** What the unified search box will look for, mirroring the server's recognition (applications/search.py). */
export type SearchKind = 'number' | 'phone' | 'last4' | 'name' | 'unknown';

export const SEARCH_KIND_LABEL: Record<SearchKind, string> = {
  number: '신청번호',
  phone: '전화번호',
  last4: '전화번호 뒤 4자리',
  name: '이름',
  unknown: '알 수 없음',
};

function isDate(digits: string): boolean {
  const y = Number(digits.slice(0, 4));
  const m = Number(digits.slice(4, 6));
  const d = Number(digits.slice(6, 8));
  if (y < 2020 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function detectSearchKind(raw: string): SearchKind | null {
  const text = raw.trim();
  if (!text) return null;
  const number = /^(\d{8})-?(\d{0,5})$/.exec(text);
  if (number && isDate(number[1]!)) return 'number';
  if (/^[\d\s\-().+]+$/.test(text)) {
    const digits = text.replace(/[\s\-().]/g, '');
    if (/^\d{4}$/.test(digits)) return 'last4';
    const d = digits.replace(/^\+?82/, '0');
    if (/^0\d{8,10}$/.test(d)) return 'phone';
    return 'unknown';
  }
  return 'name';
}
