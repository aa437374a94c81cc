import { formatBusinessNumber, isValidBusinessNumber } from './business-number';

describe('isValidBusinessNumber', () => {
  it.each(['220-81-62517', '2208162517', '124-81-50028', '123-45-67891'])('accepts %s', (value) => {
    expect(isValidBusinessNumber(value)).toBe(true);
  });

  it.each([
    ['wrong check digit', '123-45-67890'],
    ['wrong check digit (hyphen-less)', '2208162518'],
    ['too short', '220-81-6251'],
    ['letters', '22O-81-62517'],
    ['empty', ''],
  ])('rejects %s', (_label, value) => {
    expect(isValidBusinessNumber(value)).toBe(false);
  });
});

describe('formatBusinessNumber', () => {
  it('inserts hyphens as digits arrive and caps at 10 digits', () => {
    expect(formatBusinessNumber('220')).toBe('220');
    expect(formatBusinessNumber('22081')).toBe('220-81');
    expect(formatBusinessNumber('220816')).toBe('220-81-6');
    expect(formatBusinessNumber('220-81-625179999')).toBe('220-81-62517');
  });
});
