import { describe, expect, it } from 'vitest';
import { parseRatePercent } from './rate-text';

describe('parseRatePercent', () => {
  it('turns percent text into basis points exactly', () => {
    expect(parseRatePercent('4.35')).toBe(435);
    expect(parseRatePercent('4.3')).toBe(430);
    expect(parseRatePercent('4')).toBe(400);
    expect(parseRatePercent(' 7.39% ')).toBe(739);
    expect(parseRatePercent('0.01')).toBe(1);
    expect(parseRatePercent('36')).toBe(3600);
    // 0.29 * 100 is 28.999999999999996 as a float; string arithmetic gives 29.
    expect(parseRatePercent('0.29')).toBe(29);
    expect(parseRatePercent('1.15')).toBe(115);
  });

  it('refuses what is not a rate in basis points', () => {
    for (const bad of ['', '.5', '4.', '4.355', '-1', '+4', '4,35', 'abc', '1e2', '4 .35', '1000']) {
      expect(parseRatePercent(bad), bad).toBeNull();
    }
  });
});
