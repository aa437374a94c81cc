/** Calendar arithmetic on plain `YYYY-MM-DD` strings (no time zones involved). */
export interface YearMonth {
  year: number;
  month: number; // 1–12
}

export interface GridDay {
  date: string;
  day: number;
  inMonth: boolean;
  weekday: number; // 0 = Sunday
}

const pad = (n: number) => String(n).padStart(2, '0');

export function iso(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addMonths(ym: YearMonth, delta: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function parseYearMonth(text: string | null | undefined): YearMonth | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return month >= 1 && month <= 12 && year >= 2000 && year <= 2100 ? { year, month } : null;
}

export function formatYearMonth(ym: YearMonth): string {
  return `${ym.year}-${pad(ym.month)}`;
}

/** 6 weeks × 7 days, Sunday first, covering the month. */
export function monthGrid(ym: YearMonth): GridDay[] {
  const first = new Date(Date.UTC(ym.year, ym.month - 1, 1));
  const start = 1 - first.getUTCDay();
  const days: GridDay[] = [];
  for (let i = 0; i < 42; i++) {
    const d = new Date(Date.UTC(ym.year, ym.month - 1, start + i));
    days.push({
      date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
      day: d.getUTCDate(),
      inMonth: d.getUTCMonth() === ym.month - 1,
      weekday: d.getUTCDay(),
    });
  }
  return days;
}
