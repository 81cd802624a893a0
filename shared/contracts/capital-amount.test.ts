import { describe, expect, it } from 'vitest';
import { capitalAmount, MAX_CAPITAL_FEN } from './capital-amount';

const DIGIT_VALUE = new Map([...'零壹贰叁肆伍陆柒捌玖'].map((c, i) => [c, i]));
const UNIT_VALUE = new Map([
  ['拾', 10],
  ['佰', 100],
  ['仟', 1000],
]);

/**
 * A reader of 大写 amounts written for this test, so the round trip checks the writer against a second
 * implementation. (shared/documents' OCR reader does not take the PBOC form 元零伍角 yet, so it cannot serve.)
 */
function readCapital(text: string): number {
  const m = /^(?:(.*)元)?(?:零)?(?:(.)角)?(?:(.)分)?(整)?$/.exec(text);
  if (!m) throw new Error(`unreadable: ${text}`);
  const readSection = (s: string): number => {
    let total = 0;
    let digit = 0;
    for (const ch of s) {
      if (ch === '零') continue;
      if (DIGIT_VALUE.has(ch)) digit = DIGIT_VALUE.get(ch)!;
      else if (UNIT_VALUE.has(ch)) {
        total += digit * UNIT_VALUE.get(ch)!;
        digit = 0;
      } else throw new Error(`unexpected ${ch} in ${text}`);
    }
    return total + digit;
  };
  let yuan = 0;
  let rest = m[1] ?? '';
  for (const [unit, value] of [['亿', 100_000_000], ['万', 10_000]] as const) {
    const at = rest.indexOf(unit);
    if (at >= 0) {
      yuan += readSection(rest.slice(0, at)) * value;
      rest = rest.slice(at + 1);
    }
  }
  yuan += readSection(rest);
  return yuan * 100 + (m[2] ? DIGIT_VALUE.get(m[2])! * 10 : 0) + (m[3] ? DIGIT_VALUE.get(m[3])! : 0);
}

describe('capitalAmount (大写, PBOC voucher rules)', () => {
  it('writes the PBOC examples exactly', () => {
    expect(capitalAmount(140_950)).toBe('壹仟肆佰零玖元伍角');
    expect(capitalAmount(600_714)).toBe('陆仟零柒元壹角肆分');
    expect(capitalAmount(10_700_053)).toBe('壹拾万柒仟元零伍角叁分');
    expect(capitalAmount(168_032)).toBe('壹仟陆佰捌拾元零叁角贰分');
    expect(capitalAmount(1_640_902)).toBe('壹万陆仟肆佰零玖元零贰分');
    expect(capitalAmount(32_504)).toBe('叁佰贰拾伍元零肆分');
  });

  it('writes 整 after whole yuan, never after 分 and not after 角', () => {
    expect(capitalAmount(100_000_000)).toBe('壹佰万元整');
    expect(capitalAmount(1_000)).toBe('壹拾元整');
    expect(capitalAmount(1_050)).toBe('壹拾元零伍角');
    expect(capitalAmount(1_055)).toBe('壹拾元零伍角伍分');
  });

  it('writes a run of zeros as one 零, also across 万 and 亿', () => {
    expect(capitalAmount(10_070_000)).toBe('壹拾万零柒佰元整');
    expect(capitalAmount(10_000_000_100)).toBe('壹亿零壹元整');
    expect(capitalAmount(10_001_000_000)).toBe('壹亿零壹万元整');
    expect(capitalAmount(11_000_000_000)).toBe('壹亿壹仟万元整');
    // 万 digit zero, 仟 digit not: the same choice as the PBOC example 壹拾万柒仟元零伍角叁分.
    expect(capitalAmount(100_100_000)).toBe('壹佰万壹仟元整');
    expect(capitalAmount(530_727)).toBe('伍仟叁佰零柒元贰角柒分');
  });

  it('writes zero and amounts below one yuan', () => {
    expect(capitalAmount(0)).toBe('零元整');
    expect(capitalAmount(50)).toBe('伍角');
    expect(capitalAmount(5)).toBe('伍分');
    expect(capitalAmount(15)).toBe('壹角伍分');
  });

  it('writes the largest supported amount and refuses anything beyond it', () => {
    expect(capitalAmount(MAX_CAPITAL_FEN)).toBe('玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分');
    expect(() => capitalAmount(MAX_CAPITAL_FEN + 1)).toThrow(RangeError);
  });

  it('refuses negative, fractional and non-finite amounts', () => {
    expect(() => capitalAmount(-1)).toThrow(RangeError);
    expect(() => capitalAmount(1.5)).toThrow(RangeError);
    expect(() => capitalAmount(Number.NaN)).toThrow(RangeError);
  });

  it('reads back to the same amount and keeps the zero rules, for many random amounts', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5_000; i++) {
      // Mostly amounts with many zeros, where the 零 rules bite.
      const digits = 1 + Math.floor(rand() * 14);
      let fen = 0;
      for (let d = 0; d < digits; d++) fen = fen * 10 + (rand() < 0.5 ? 0 : 1 + Math.floor(rand() * 9));
      if (fen === 0) continue; // 零元整, checked above
      const text = capitalAmount(fen);
      expect(readCapital(text), `${fen} → ${text}`).toBe(fen);
      expect(text).not.toMatch(/零零|零[万亿元角分整]|零$/);
      expect(text).not.toMatch(/分整|角整/);
      expect(text).not.toMatch(/^拾|[^壹贰叁肆伍陆柒捌玖]拾/);
    }
  });
});
