/**
 * Unified social credit code (统一社会信用代码), 18 characters, GB 32100-2015.
 * Layout: registration authority (1) + entity type (1) + GB/T 2260 region (6 digits)
 * + organisation body (9) + check character (1), all from a 31-symbol alphabet
 * without I, O, S, V, Z (too easily confused with 1, 0, 5, U, 2).
 *
 * Lower-case input is accepted (upper-cased) because codes are often typed by hand;
 * surrounding whitespace is not trimmed, callers normalise.
 */

export interface CreditCodeCheck {
  valid: boolean;
  problems: Array<'format' | 'check_digit'>;
  regionCode: string | null; // chars 3-8
}

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

// Positions 3–8 are an administrative region code, which is always numeric.
const SHAPE = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

export function creditCodeCheckChar(first17: string): string {
  const upper = first17.toUpperCase();
  if (upper.length !== 17) throw new RangeError(`creditCodeCheckChar: expected 17 characters, got '${first17}'`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(upper[i]!);
    if (value < 0) throw new RangeError(`creditCodeCheckChar: '${first17[i]}' is not in the GB 32100 charset`);
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

export function checkCreditCode(code: string): CreditCodeCheck {
  const upper = code.toUpperCase();
  if (!SHAPE.test(upper)) return { valid: false, problems: ['format'], regionCode: null };
  const ok = creditCodeCheckChar(upper.slice(0, 17)) === upper[17];
  return { valid: ok, problems: ok ? [] : ['check_digit'], regionCode: upper.slice(2, 8) };
}
