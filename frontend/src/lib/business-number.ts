/** Korean business registration number (사업자등록번호): NNN-NN-NNNNN with a check digit. */

const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

export function formatBusinessNumber(value: string): string {
  const d = value.replace(/\D/g, '').slice(0, 10);
  if (d.length <= 3) return d;
  if (d.length <= 5) return `${d.slice(0, 3)}-${d.slice(3)}`;
  return `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
}

/** Validates the check digit (National Tax Service algorithm). Accepts digits with or without hyphens. */
export function isValidBusinessNumber(value: string): boolean {
  if (!/^\d{3}-?\d{2}-?\d{5}$/.test(value.trim())) return false;
  const digits = value.replace(/\D/g, '').split('').map(Number);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digits[i]! * WEIGHTS[i]!;
  sum += Math.floor((digits[8]! * 5) / 10);
  const check = (10 - (sum % 10)) % 10;
  return check === digits[9];
}
