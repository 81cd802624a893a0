import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckDigit } from './id-number';

// Check digits below were computed independently (by hand-rolled script), not with this module.
describe('idNumberCheckDigit', () => {
  it.each([
    ['11010519491231002', 'X'], // the widely published GB 11643 example
    ['44030419900307123', 'X'],
    ['31011520000229004', '8'],
    ['11010520120101001', '5'],
    ['11010519491231003', '8'],
    ['35010019800101000', '0'],
    ['65010220101010999', '1'],
  ])('%s → %s', (first17, expected) => {
    expect(idNumberCheckDigit(first17)).toBe(expected);
  });

  it('rejects anything but 17 digits', () => {
    expect(() => idNumberCheckDigit('1101051949123100')).toThrow(RangeError);
    expect(() => idNumberCheckDigit('1101051949123100A')).toThrow(RangeError);
  });
});

describe('checkIdNumber', () => {
  it('accepts the published example and reads its fields', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({
      valid: true,
      problems: [],
      birthDate: '1949-12-31',
      gender: 'F',
      regionCode: '110105',
    });
  });

  it('accepts a lower-case x check character', () => {
    expect(checkIdNumber('11010519491231002x').valid).toBe(true);
  });

  it.each([
    ['44030419900307123X', '1990-03-07', 'M', '440304'],
    ['310115200002290048', '2000-02-29', 'F', '310115'], // leap day
    ['110105194912310038', '1949-12-31', 'M', '110105'],
    ['350100198001010000', '1980-01-01', 'F', '350100'], // sequence 000, check 0
    ['650102201010109991', '2010-10-10', 'M', '650102'],
    ['710000199001010015', '1990-01-01', 'M', '710000'], // 台湾
    ['810000199001010019', '1990-01-01', 'M', '810000'], // 香港
    ['820000199001010010', '1990-01-01', 'M', '820000'], // 澳门
  ])('%s is valid (%s, %s)', (id, birthDate, gender, regionCode) => {
    expect(checkIdNumber(id, '2026-03-02')).toEqual({ valid: true, problems: [], birthDate, gender, regionCode });
  });

  it('flags a wrong check digit but still reads the fields', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({
      valid: false,
      problems: ['check_digit'],
      birthDate: '1949-12-31',
      gender: 'F',
      regionCode: '110105',
    });
    expect(checkIdNumber('110105194912310039').problems).toEqual(['check_digit']);
  });

  it('flags impossible birth dates (31 Feb style, non-leap 29 Feb)', () => {
    expect(checkIdNumber('110105199002310015')).toMatchObject({ valid: false, problems: ['birth_date'], birthDate: null });
    expect(checkIdNumber('110105190002290017')).toMatchObject({ valid: false, problems: ['birth_date'], birthDate: null });
  });

  it('flags a birth date in the future relative to today, and only when today is given', () => {
    const id = '110105202603010012'; // born 2026-03-01
    expect(checkIdNumber(id, '2026-02-28')).toMatchObject({ valid: false, problems: ['birth_date'], birthDate: '2026-03-01' });
    expect(checkIdNumber(id, '2026-03-01').valid).toBe(true); // born today
    expect(checkIdNumber(id).valid).toBe(true);
  });

  it('caps plausible age at 120 full years', () => {
    const id = '510108192301010014'; // born 1923-01-01
    expect(checkIdNumber(id, '2043-12-31').valid).toBe(true); // 120
    expect(checkIdNumber(id, '2044-01-01').problems).toEqual(['birth_date']); // 121
    expect(checkIdNumber('51010819230102001X', '2044-01-01').valid).toBe(true); // 120 until tomorrow
    expect(checkIdNumber('110105189912310015', '2026-03-02').problems).toEqual(['birth_date']);
  });

  it('flags province codes outside GB/T 2260', () => {
    for (const id of ['24010519900101001X', '990105199001010014', '100105199001010019']) {
      expect(checkIdNumber(id)).toMatchObject({ valid: false, problems: ['region'], regionCode: id.slice(0, 6) });
    }
  });

  it('reports several problems at once', () => {
    // Province 99 and check digit changed from 4 to 5.
    expect(checkIdNumber('990105199001010015').problems).toEqual(['check_digit', 'region']);
  });

  it.each([
    [''],
    ['11010519491231002'], // 17 chars
    ['11010519491231002X1'], // 19 chars
    ['1101051949123100XX'], // X only allowed last
    ['11010519491231002Y'],
    [' 11010519491231002X'], // not trimmed
    ['１１０１０５１９４９１２３１００２X'], // full-width digits
    ['110105-19491231-002X'],
  ])('rejects malformed %j with only a format problem', (id) => {
    expect(checkIdNumber(id)).toEqual({ valid: false, problems: ['format'], birthDate: null, gender: null, regionCode: null });
  });

  it('rejects a malformed today', () => {
    expect(() => checkIdNumber('11010519491231002X', '2026-2-30')).toThrow(RangeError);
    expect(() => checkIdNumber('11010519491231002X', '2026-02-30')).toThrow(RangeError);
  });
});
