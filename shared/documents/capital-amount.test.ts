import { describe, expect, it } from 'vitest';
import { parseAmountFen } from './capital-amount';
import { capitalAmount } from '../contracts/capital-amount';

describe('parseAmountFen', () => {
  it.each([
    ['壹佰万元整', 100_000_000],
    ['人民币壹佰万元整', 100_000_000],
    ['伍拾万元整', 50_000_000],
    ['壹仟贰佰万元整', 1_200_000_000],
    ['贰仟万元', 2_000_000_000],
    ['拾万元整', 10_000_000],
    ['壹亿零伍佰万元整', 10_500_000_000],
    ['壹万贰仟叁佰肆拾伍元陆角柒分', 1_234_567],
    ['壹仟零伍元整', 100_500],
    ['叁拾元零捌分', 3_008],
    ['100万元', 100_000_000],
    ['12,345.67', 1_234_567],
    ['¥12,345.67', 1_234_567],
    ['12345.6元', 1_234_560],
    ['1.5万元', 1_500_000],
  ])('%s → %i fen', (text, fen) => {
    expect(parseAmountFen(text)).toBe(fen);
  });

  it.each(['', '壹佰万美元', '一百万 maybe', 'abc'])('%j is not an amount', (text) => {
    expect(parseAmountFen(text)).toBeNull();
  });
});

describe('reads back every amount the contract writer prints', () => {
  it('round-trips capitalAmount for amounts with and without yuan, jiao and fen', () => {
    for (const fen of [1, 10, 50, 105, 10050, 100005, 1000000, 1000050, 123456789, 100000000000, 100000001, 2000000000, 1010101010]) {
      expect(parseAmountFen(capitalAmount(fen))).toBe(fen);
    }
  });
  it('reads figures in 万 without floating point', () => {
    expect(parseAmountFen('12.34万元')).toBe(12_340_000);
    expect(parseAmountFen('0.07万')).toBe(70_000);
  });
});
