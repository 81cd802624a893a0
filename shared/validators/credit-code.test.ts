import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_CHARSET, checkCreditCode, creditCodeCheckChar } from './credit-code';

// Expected check characters were computed independently with a separate script.
describe('creditCodeCheckChar', () => {
  it.each([
    ['91350100M000100Y4', '3'], // widely cited example 91350100M000100Y43
    ['91110000600037341', 'L'],
    ['92440300MA5DXXXX0', 'K'],
    ['91440300MA5ABCDE1', 'H'],
    ['92110105L12345678', '7'],
    ['91310115MA1H7GJ2X', 'R'],
    ['12100000400000624', 'D'],
  ])('%s → %s', (first17, expected) => {
    expect(creditCodeCheckChar(first17)).toBe(expected);
  });

  it('maps a weighted sum divisible by 31 to 0, not to 31', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('rejects wrong length or characters outside the charset', () => {
    expect(() => creditCodeCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100I4')).toThrow(RangeError);
  });

  it('has the 31-symbol GB 32100 alphabet without I O S V Z', () => {
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    expect(CREDIT_CODE_CHARSET).not.toMatch(/[IOSVZ]/);
  });
});

describe('checkCreditCode', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '92440300MA5DXXXX0K', '12100000400000624D'])(
    '%s is valid',
    (code) => {
      expect(checkCreditCode(code)).toEqual({ valid: true, problems: [], regionCode: code.slice(2, 8) });
    },
  );

  it('reads the region code from characters 3–8', () => {
    expect(checkCreditCode('91350100M000100Y43').regionCode).toBe('350100');
  });

  it('accepts lower case', () => {
    expect(checkCreditCode('91350100m000100y43').valid).toBe(true);
    expect(checkCreditCode('91110000600037341l').valid).toBe(true);
  });

  it('flags a wrong check character', () => {
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ valid: false, problems: ['check_digit'], regionCode: '350100' });
    // Swapping two body characters changes the weighted sum.
    expect(checkCreditCode('91350100M001000Y43').problems).toEqual(['check_digit']);
  });

  it.each([
    [''],
    ['91350100M000100Y4'], // 17
    ['91350100M000100Y433'], // 19
    ['91350100M000100YI3'], // I is excluded
    ['91350100O000100Y43'], // O is excluded
    ['9135010SM000100Y43'], // S inside the numeric region
    ['91350A00M000100Y43'], // region must be digits
    ['91350100M000100Y4Z'], // Z cannot be a check char
    [' 91350100M000100Y43'],
    ['91350100-M000100Y4'],
  ])('rejects malformed %j', (code) => {
    expect(checkCreditCode(code)).toEqual({ valid: false, problems: ['format'], regionCode: null });
  });
});
