import { withRo } from './korean';

describe('withRo', () => {
  it.each([
    ['상담중', '상담중으로'],
    ['완료', '완료로'],
    ['일정확정', '일정확정으로'],
    ["'취소'", "'취소'로"],
    ["'승인됨'", "'승인됨'으로"],
    ['서울', '서울로'],
    ['전화번호 뒤 4자리', '전화번호 뒤 4자리로'],
    ['3', '3으로'],
    ['ABC', 'ABC(으)로'],
  ])('%s → %s', (word, expected) => {
    expect(withRo(word)).toBe(expected);
  });
});
