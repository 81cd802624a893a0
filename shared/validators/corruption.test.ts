import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_CHARSET, checkCreditCode } from './credit-code';
import { makeCreditCode, makeIdNumber } from './generate';
import { checkIdNumber } from './id-number';

/**
 * Every single-character corruption of a valid number must be caught: ISO 7064 MOD 11-2 (ID numbers) and
 * GB 32100 MOD 31 (credit codes) both detect any one substituted character, because every weight is
 * non-zero modulo a prime. A corruption into a character outside the alphabet is a format error.
 */
const ID_ALPHABET = '0123456789XABO ';
const CODE_ALPHABET = `${CREDIT_CODE_CHARSET}IOSVZ-#`;

function corruptions(valid: string, alphabet: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < valid.length; i++) {
    for (const c of alphabet) if (c !== valid[i]) out.push(valid.slice(0, i) + c + valid.slice(i + 1));
  }
  return out;
}

const VALID_IDS = ['11010519491231002X', '44030419900307123X', makeIdNumber('320106', '1985-06-15', 247), makeIdNumber('321181', '1979-01-14', 813), makeIdNumber('650102', '2001-12-31', 0)];
const VALID_CODES = ['91310110666007217T', '91350100M000100Y43', '12100000400000624D', makeCreditCode('92', '321182', 'M9J7P00WW'), makeCreditCode('91', '320115', 'MA1XYK123')];

describe('ID number: every single-character corruption', () => {
  it.each(VALID_IDS)('%s is valid to begin with', (id) => {
    expect(checkIdNumber(id).valid).toBe(true);
  });

  it.each(VALID_IDS)('each of the %s corruptions is refused', (id) => {
    const all = corruptions(id, ID_ALPHABET);
    expect(all.length).toBeGreaterThanOrEqual(18 * (ID_ALPHABET.length - 1));
    const accepted = all.filter((c) => checkIdNumber(c).valid);
    expect(accepted).toEqual([]);
    // A substituted digit is caught by the check digit itself, not only by the date or region rules.
    for (const c of all.filter((x) => /^\d{17}[\dX]$/.test(x))) expect(checkIdNumber(c).problems).toContain('check_digit');
  });
});

describe('credit code: every single-character corruption', () => {
  it.each(VALID_CODES)('%s is valid to begin with', (code) => {
    expect(checkCreditCode(code).valid).toBe(true);
  });

  it.each(VALID_CODES)('each of the %s corruptions is refused', (code) => {
    const all = corruptions(code, CODE_ALPHABET);
    const accepted = all.filter((c) => checkCreditCode(c).valid);
    expect(accepted).toEqual([]);
    for (const c of all) {
      const problems = checkCreditCode(c).problems;
      expect(problems.length).toBe(1);
      expect(['check_digit', 'format']).toContain(problems[0]);
    }
  });
});
