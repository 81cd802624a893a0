import { describe, expect, it } from 'vitest';
import { fenToWanText, parseWan } from './wan-text';

describe('万元 text', () => {
  it('parses 万元 into fen exactly', () => {
    expect(parseWan('100')).toBe(100_000_000);
    expect(parseWan('49.99')).toBe(49_990_000);
    expect(parseWan(' 0.000001 ')).toBe(1);
    expect(parseWan('500万')).toBe(500_000_000);
    // 0.07 * 1e6 is 70000.00000000001 as a float.
    expect(parseWan('0.07')).toBe(70_000);
    expect(parseWan('0')).toBe(0);
  });

  it('refuses negatives, too many decimals and text', () => {
    for (const bad of ['', '-1', '1.0000001', '1,000', 'abc', '.5', '1.', '1e3']) expect(parseWan(bad), bad).toBeNull();
    expect(parseWan('99999999999999999')).toBeNull();
  });

  it('shows fen as exact 万元 and round-trips', () => {
    expect(fenToWanText(100_000_000)).toBe('100');
    expect(fenToWanText(49_990_000)).toBe('49.99');
    expect(fenToWanText(1)).toBe('0.000001');
    for (const fen of [0, 1, 70_000, 123_456_789, 100_000_000_000]) expect(parseWan(fenToWanText(fen))).toBe(fen);
  });
});
