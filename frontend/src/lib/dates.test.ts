import { todayInSeoul } from './dates';

describe('todayInSeoul', () => {
  it('uses the Korean date even when UTC is still on the previous day', () => {
    // 2026-03-01 00:30 KST = 2026-02-28 15:30 UTC
    expect(todayInSeoul(new Date('2026-02-28T15:30:00Z'))).toBe('2026-03-01');
    expect(todayInSeoul(new Date('2026-02-28T14:59:00Z'))).toBe('2026-02-28');
  });
});
