import { describe, expect, it } from 'vitest';
import { findDocumentDate, formatPeriod, parseDocumentDate, parsePeriod } from './chinese-dates';

describe('dates as printed on documents', () => {
  it.each([
    ['1985年6月15日', '1985-06-15'],
    ['2015年03月12日', '2015-03-12'],
    ['2016.05.10', '2016-05-10'],
    ['2016-05-10', '2016-05-10'],
    ['2016/5/10', '2016-05-10'],
    ['20160510', '2016-05-10'],
    ['1993年7月23晶', '1993-07-23'], // 日 misread
    ['２０１６．０５．１０', '2016-05-10'],
  ])('%s → %s', (text, iso) => {
    expect(parseDocumentDate(text)).toBe(iso);
  });

  it.each(['2015年02月30日', '2016.13.01', '16.05.10', '', '长期'])('%j is not a date', (text) => {
    expect(parseDocumentDate(text)).toBeNull();
  });

  it('finds a date among stray marks', () => {
    expect(findDocumentDate('1993年7月23日     ， ee')).toBe('1993-07-23');
    expect(findDocumentDate('人')).toBeNull();
  });

  it.each([
    ['2016.05.10-2036.05.10', '2016-05-10/2036-05-10'],
    ['2015年03月12日至2045年03月11日', '2015-03-12/2045-03-11'],
    ['2015年03月12日至长期', '2015-03-12/长期'],
    ['2016.05.10-长期', '2016-05-10/长期'],
    ['2016-05-10/2036-05-10', '2016-05-10/2036-05-10'],
  ])('period %s → %s', (text, canonical) => {
    const p = parsePeriod(text);
    expect(p && formatPeriod(p)).toBe(canonical);
  });

  it('refuses a period that ends before it starts', () => {
    expect(parsePeriod('2036.05.10-2016.05.10')).toBeNull();
  });
});
