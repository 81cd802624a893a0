import { describe, expect, it } from 'vitest';
import { amountLabel, formatWan, formatYuan, formatYuanCompact, isFen, parseYuan, sumFen } from './fen';

const MAX = Number.MAX_SAFE_INTEGER; // 9007199254740991

describe('isFen', () => {
  it.each([0, 1, 140950, MAX])('accepts %s', (n) => expect(isFen(n)).toBe(true));
  it.each([-1, 1.5, 0.1, MAX + 1, Number.NaN, Infinity, '100', null, undefined, 100n])('rejects %s', (n) =>
    expect(isFen(n)).toBe(false),
  );
});

describe('parseYuan', () => {
  it.each([
    ['1,409.50', 140950],
    ['1409.5', 140950],
    ['¥1,409.50', 140950],
    ['￥1409', 140900], // full-width yuan sign
    ['¥ 1409', 140900],
    ['  1,409.50  ', 140950],
    ['1409', 140900],
    ['0', 0],
    ['0.00', 0],
    ['0.01', 1],
    ['0.5', 50],
    ['007.10', 710],
    ['1,000,000', 100_000_000],
    ['123,456,789.12', 12_345_678_912],
    ['90071992547409.91', MAX],
    ['90,071,992,547,409.91', MAX],
  ])('%j → %s fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it('does not suffer float rounding (0.29 * 100 is 28.999999999999996 in floats)', () => {
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('1.15')).toBe(115);
    expect(parseYuan('4.35')).toBe(435);
  });

  it.each([
    [''],
    ['   '],
    ['¥'],
    ['abc'],
    ['-1'],
    ['-¥1.00'],
    ['+1'],
    ['1409.505'], // 3 decimals
    ['1409.'],
    ['.5'],
    ['1e3'],
    ['14,09'], // misplaced comma
    ['1,4090.00'],
    [',100'],
    ['1,409,50'],
    ['1 409'],
    ['1,409.50元'],
    ['１４０９'], // full-width digits
    ['90071992547409.92'], // one fen beyond the safe range
    ['99999999999999999999'],
  ])('%j → null', (text) => {
    expect(parseYuan(text)).toBeNull();
  });
});

describe('formatYuan', () => {
  it.each([
    [140950, '1,409.50'],
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [99_999, '999.99'],
    [100_000, '1,000.00'],
    [123_456_789_012, '1,234,567,890.12'],
    [MAX, '90,071,992,547,409.91'],
    [-140950, '-1,409.50'],
    [-5, '-0.05'],
    [-0, '0.00'],
  ])('%s → %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it('adds the symbol after the minus sign', () => {
    expect(formatYuan(140950, { symbol: true })).toBe('¥1,409.50');
    expect(formatYuan(-140950, { symbol: true })).toBe('-¥1,409.50');
    expect(formatYuan(140950, { symbol: false })).toBe('1,409.50');
  });

  it('rejects non-integers', () => {
    for (const bad of [1.5, Number.NaN, Infinity, MAX + 1]) expect(() => formatYuan(bad)).toThrow(RangeError);
  });

  it('round-trips through parseYuan for many amounts', () => {
    let x = 1;
    for (let i = 0; i < 500; i++) {
      x = (x * 48271) % 2147483647; // Lehmer PRNG, deterministic
      const fen = x * (i % 7) + (i % 100);
      expect(parseYuan(formatYuan(fen))).toBe(fen);
      expect(parseYuan(formatYuan(fen, { symbol: true }))).toBe(fen);
    }
  });
});

describe('formatWan', () => {
  it.each([
    [100_000_000, '100万'], // 1,000,000 元
    [123_456_789, '123.46万'], // 1,234,567.89 元 = 123.456789万
    [1_000_000, '1万'], // 10,000 元
    [1_500_000, '1.5万'],
    [1_050_000, '1.05万'],
    [10_000_000_000, '10,000万'], // 1亿元
    [1_234_995_000, '1,235万'], // 1234.995万 rounds up
    [1_234_994_999, '1,234.99万'],
    [5_000, '0.01万'], // 50 元 = 0.005万, half rounds up
    [4_999, '0万'],
    [0, '0万'],
    [MAX, '9,007,199,254.74万'],
    [-123_456_789, '-123.46万'],
    [-5_000, '-0.01万'],
    [-4_999, '0万'], // no '-0万'
  ])('%s fen → %s', (fen, text) => {
    expect(formatWan(fen)).toBe(text);
  });

  it('rejects non-integers', () => {
    expect(() => formatWan(0.5)).toThrow(RangeError);
  });
});

describe('amountLabel', () => {
  it('says an amount in 万元 in Chinese and in grouped yuan in English, cents only when there are any', () => {
    expect(amountLabel(500_000_000)).toEqual({ zh: '500万元', en: '5,000,000 yuan' });
    expect(amountLabel(123_456_789)).toEqual({ zh: '123.46万元', en: '1,234,567.89 yuan' });
    expect(formatYuanCompact(140_900)).toBe('1,409');
    expect(formatYuanCompact(140_950)).toBe('1,409.50');
  });
});

describe('sumFen', () => {
  it('adds integer amounts', () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen([140950, 50, 100])).toBe(141100);
    expect(sumFen([-5, 3])).toBe(-2);
    expect(sumFen([MAX])).toBe(MAX);
  });

  it('resolves intermediate overflow exactly', () => {
    expect(sumFen([MAX, 1, -1])).toBe(MAX);
    expect(sumFen([MAX, MAX, -MAX])).toBe(MAX);
    expect(sumFen([MAX, 2, -3])).toBe(MAX - 1);
  });

  it('throws when the total is not a safe integer', () => {
    expect(() => sumFen([MAX, 1])).toThrow(RangeError);
    expect(() => sumFen([-MAX, -1])).toThrow(RangeError);
  });

  it('throws on non-integer inputs', () => {
    expect(() => sumFen([0.1, 0.2])).toThrow(RangeError);
    expect(() => sumFen([1, Number.NaN])).toThrow(RangeError);
    expect(() => sumFen([1, MAX + 1, -2])).toThrow(RangeError);
  });
});
