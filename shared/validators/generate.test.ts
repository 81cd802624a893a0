import { describe, expect, it } from 'vitest';
import { checkCreditCode } from './credit-code';
import { makeCreditCode, makeIdNumber } from './generate';
import { checkIdNumber } from './id-number';

describe('makeIdNumber', () => {
  it('reproduces known-valid numbers', () => {
    expect(makeIdNumber('110105', '1949-12-31', 2)).toBe('11010519491231002X');
    expect(makeIdNumber('440304', '1990-03-07', 123)).toBe('44030419900307123X');
    expect(makeIdNumber('310115', '2000-02-29', 4)).toBe('310115200002290048');
  });

  it('produces numbers the checker accepts, with the requested fields', () => {
    const regions = ['110105', '310115', '440304', '510108', '650102', '820000'];
    for (let i = 0; i < 200; i++) {
      const region = regions[i % regions.length]!;
      const birth = `${1950 + (i % 60)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const seq = (i * 37) % 1000;
      const id = makeIdNumber(region, birth, seq);
      expect(checkIdNumber(id, '2026-03-02')).toEqual({
        valid: true,
        problems: [],
        birthDate: birth,
        gender: seq % 2 === 1 ? 'M' : 'F',
        regionCode: region,
      });
      expect(id.slice(14, 17)).toBe(String(seq).padStart(3, '0'));
    }
  });

  it('is deterministic', () => {
    expect(makeIdNumber('320106', '1985-06-15', 247)).toBe(makeIdNumber('320106', '1985-06-15', 247));
    expect(makeIdNumber('320106', '1985-06-15', 247)).toBe('32010619850615247X');
  });

  it('allows an unknown province so fixtures can exercise the region check', () => {
    expect(checkIdNumber(makeIdNumber('990105', '1990-01-01', 1)).problems).toEqual(['region']);
  });

  it('rejects bad inputs', () => {
    expect(() => makeIdNumber('11010', '1990-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('11010A', '1990-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '1990-02-30', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '19900101', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '1990-1-01', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '1990-01-01', 1000)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '1990-01-01', -1)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '1990-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('makeCreditCode', () => {
  it('reproduces known-valid codes', () => {
    expect(makeCreditCode('91', '350100', 'M000100Y4')).toBe('91350100M000100Y43');
    expect(makeCreditCode('92', '440300', 'MA5DXXXX0')).toBe('92440300MA5DXXXX0K');
  });

  it('produces codes the checker accepts', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 200; i++) {
      let body = '';
      for (let j = 0; j < 9; j++) body += charset[(i * 7 + j * 13 + i * j) % 31];
      const prefix = i % 2 === 0 ? '91' : '92';
      const code = makeCreditCode(prefix, '310115', body);
      expect(code.slice(0, 17)).toBe(`${prefix}310115${body}`);
      expect(checkCreditCode(code)).toEqual({ valid: true, problems: [], regionCode: '310115' });
    }
  });

  it('rejects bad inputs, including lower case and excluded letters', () => {
    expect(() => makeCreditCode('9', '350100', 'M000100Y4')).toThrow(RangeError);
    expect(() => makeCreditCode('9I', '350100', 'M000100Y4')).toThrow(RangeError);
    expect(() => makeCreditCode('91', '35010A', 'M000100Y4')).toThrow(RangeError);
    expect(() => makeCreditCode('91', '350100', 'M000100Y')).toThrow(RangeError);
    expect(() => makeCreditCode('91', '350100', 'm000100y4')).toThrow(RangeError);
    expect(() => makeCreditCode('91', '350100', 'M000100O4')).toThrow(RangeError);
  });
});
