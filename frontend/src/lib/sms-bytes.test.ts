import { smsByteLength, smsKind } from './sms-bytes';

describe('smsByteLength', () => {
  it('counts ASCII as 1 byte and Hangul as 2', () => {
    expect(smsByteLength('abc 123')).toBe(7);
    expect(smsByteLength('안녕하세요')).toBe(10);
    expect(smsByteLength('[전방홈케어] 안녕')).toBe(17);
    expect(smsByteLength('줄\n바꿈')).toBe(7);
  });

  it('picks SMS up to 90 bytes, LMS above, MMS with images', () => {
    expect(smsKind(90)).toBe('SMS');
    expect(smsKind(91)).toBe('LMS');
    expect(smsKind(10, true)).toBe('MMS');
    expect(smsKind(smsByteLength('가'.repeat(45)))).toBe('SMS');
    expect(smsKind(smsByteLength('가'.repeat(46)))).toBe('LMS');
  });
});
