import { formatPhone, isKoreanPhone } from './phone';

describe('formatPhone', () => {
  it.each([
    ['010', '010'],
    ['0101234', '010-1234'],
    ['01012345678', '010-1234-5678'],
    ['0311234567', '031-123-4567'],
    ['021234567', '02-123-4567'],
    ['0212345678', '02-1234-5678'],
    ['15516640', '1551-6640'],
    ['010-1234-56789', '010-1234-5678'],
  ])('%s → %s', (input, out) => {
    expect(formatPhone(input)).toBe(out);
  });
});

describe('isKoreanPhone', () => {
  it.each(['010-1234-5678', '01112345678', '02-123-4567', '031-770-1234', '070-1234-5678', '1551-6640'])('accepts %s', (v) => {
    expect(isKoreanPhone(v)).toBe(true);
  });
  it.each(['010-123', '123-4567-8901', '099-123-4567', ''])('rejects %s', (v) => {
    expect(isKoreanPhone(v)).toBe(false);
  });
});
