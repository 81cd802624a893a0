import { describe, expect, it } from 'vitest';
import { daysBetween, wholeMonths, wholeYears } from './dates';

describe('whole years and months as a person counts them', () => {
  it.each([
    ['2008-11-24', '2026-11-24', 18],
    ['2008-11-25', '2026-11-24', 17],
    ['1961-11-24', '2026-11-24', 65],
    ['1961-11-23', '2026-11-24', 65],
    ['1960-11-24', '2026-11-24', 66],
    ['2004-02-29', '2026-02-28', 21],
    ['2004-02-29', '2026-03-01', 22],
  ])('born %s is %i on %s', (birth, today, years) => {
    expect(wholeYears(birth, today)).toBe(years);
  });

  it.each([
    ['2024-11-24', '2026-11-24', 24],
    ['2024-11-25', '2026-11-24', 23],
    ['2024-01-31', '2024-02-29', 0],
    ['2024-01-31', '2024-03-31', 2],
    ['2026-11-24', '2026-11-24', 0],
  ])('from %s to %s is %i months', (from, to, months) => {
    expect(wholeMonths(from, to)).toBe(months);
  });

  it('counts days across a leap day and refuses a non-date', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-11-24', '2026-05-28')).toBe(-180);
    expect(() => wholeYears('2026-02-30', '2026-11-24')).toThrow(RangeError);
  });
});
