import { describe, expect, it } from 'vitest';
import { floorTo, formatBp, mulDiv } from './integer-math';

describe('integer money arithmetic', () => {
  it.each([
    [300_000_000, 7_000, 10_000, 'floor', 210_000_000],
    [1, 5_000, 10_000, 'floor', 0],
    [1, 5_000, 10_000, 'half_up', 1],
    [3, 3_333, 10_000, 'floor', 0],
    [99_999, 7_000, 10_000, 'floor', 69_999],
    [99_999, 7_000, 10_000, 'half_up', 69_999],
    [99_995, 7_000, 10_000, 'half_up', 69_997],
  ] as const)('%i × %i / %i (%s) = %i', (a, n, d, rounding, want) => {
    expect(mulDiv(a, n, d, rounding)).toBe(want);
  });

  it('is exact where a double would not be: 1万亿元 of collateral × 70%', () => {
    const valuation = 100_000_000_000_000; // 1万亿元 in fen
    expect(valuation * 7_001).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    expect(mulDiv(valuation, 7_001, 10_000)).toBe(70_010_000_000_000);
  });

  it('refuses fractions, negatives and overflow', () => {
    expect(() => mulDiv(1.5, 1, 1)).toThrow(RangeError);
    expect(() => mulDiv(-1, 1, 1)).toThrow(RangeError);
    expect(() => mulDiv(1, 1, 0)).toThrow(RangeError);
    expect(() => mulDiv(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(RangeError);
  });

  it.each([
    [12_345_678, 100_000, 12_300_000],
    [100_000, 100_000, 100_000],
    [99_999, 100_000, 0],
  ])('floorTo(%i, %i) = %i', (v, unit, want) => expect(floorTo(v, unit)).toBe(want));

  it.each([
    [739, '7.39%'],
    [345, '3.45%'],
    [5, '0.05%'],
    [7_000, '70.00%'],
    [-30, '-0.30%'],
  ])('formats %i bp as %s', (bp, text) => expect(formatBp(bp)).toBe(text));
});
