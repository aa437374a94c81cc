// Final consonant (jongseong index) of each digit as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구.
const DIGIT_FINAL: Record<string, number> = { '0': 21, '1': 8, '2': 0, '3': 16, '4': 0, '5': 0, '6': 1, '7': 8, '8': 8, '9': 0 };

/** `word` with the particle 으로/로 its last sound takes ("상담중으로", "완료로"); "(으)로" when it cannot tell. */
export function withRo(word: string): string {
  const trimmed = word.replace(/['" )]+$/, '');
  const last = trimmed.at(-1) ?? '';
  let final: number;
  if (last >= '가' && last <= '힣') final = (last.charCodeAt(0) - 0xac00) % 28;
  else if (last in DIGIT_FINAL) final = DIGIT_FINAL[last] ?? 0;
  else return `${word}(으)로`;
  return final === 0 || final === 8 ? `${word}로` : `${word}으로`;
}
