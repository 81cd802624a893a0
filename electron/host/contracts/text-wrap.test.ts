import { describe, expect, it } from 'vitest';
import { breakLines, tokenize } from './text-wrap';

/** Every character one unit wide: lines of `max` characters are easy to reason about. */
const unit = (s: string) => [...s].length;

describe('line breaking of contract text', () => {
  it('breaks between Chinese characters', () => {
    expect(breakLines('甲乙双方经平等协商一致订立本合同', 5, unit)).toEqual(['甲乙双方经', '平等协商一', '致订立本合', '同']);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const lines = breakLines('借款金额为壹佰万元。乙方应按期还款（含利息）。', 5, unit);
    for (const l of lines) {
      expect('，。、；：）》」'.includes(l[0]!)).toBe(false);
      expect('（《「'.includes(l.at(-1)!)).toBe(false);
    }
    expect(lines.join('')).toBe('借款金额为壹佰万元。乙方应按期还款（含利息）。');
  });

  it('keeps numbers and contract numbers whole', () => {
    expect(tokenize('编号3201001-2026-JK000001的合同')).toEqual(['编', '号', '3201001-2026-JK000001', '的', '合', '同']);
    expect(breakLines('金额¥1,000,000.00元整', 14, unit)).toEqual(['金额', '¥1,000,000.00元', '整']);
  });

  it('keeps the ideographic-space indent that opens a paragraph, and drops spaces after a wrap', () => {
    expect(breakLines('　　甲乙双方', 4, unit)).toEqual(['　　甲乙', '双方']);
    expect(breakLines('ab cd ef', 5, unit)).toEqual(['ab cd', 'ef']);
  });

  it('breaks a word longer than a line by characters, and keeps explicit newlines', () => {
    expect(breakLines('abcdefghij', 4, unit)).toEqual(['abcd', 'efgh', 'ij']);
    expect(breakLines('第一行\n第二行', 10, unit)).toEqual(['第一行', '第二行']);
  });
});
