/**
 * Deterministic builders of well-formed identifiers for demo data and test fixtures.
 * They check shape, not meaning: any 6-digit region is allowed so fixtures can also
 * exercise the 'region' problem of checkIdNumber.
 */
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from './credit-code';
import { checkIdNumber, idNumberCheckDigit } from './id-number';

/** 18-digit resident ID; `sequence3` 0–999, odd = male (GB 11643). */
export function makeIdNumber(regionCode6: string, birthDate: string, sequence3: number): string {
  if (!/^\d{6}$/.test(regionCode6)) throw new RangeError(`makeIdNumber: region must be 6 digits, got '${regionCode6}'`);
  if (!Number.isInteger(sequence3) || sequence3 < 0 || sequence3 > 999) {
    throw new RangeError(`makeIdNumber: sequence must be an integer 0–999, got ${sequence3}`);
  }
  const first17 = regionCode6 + birthDate.replaceAll('-', '') + String(sequence3).padStart(3, '0');
  const id = /^\d{17}$/.test(first17) ? first17 + idNumberCheckDigit(first17) : '';
  // Reuse the checker's calendar rules rather than a second copy of them.
  if (checkIdNumber(id).birthDate !== birthDate) {
    throw new RangeError(`makeIdNumber: birthDate must be a real 'YYYY-MM-DD', got '${birthDate}'`);
  }
  return id;
}

/** 18-char unified social credit code, e.g. prefix '91' 企业, '92' 个体工商户. */
export function makeCreditCode(prefix2: string, regionCode6: string, orgBody9: string): string {
  if (!inCharset(prefix2, 2)) throw new RangeError(`makeCreditCode: prefix must be 2 GB 32100 chars, got '${prefix2}'`);
  if (!/^\d{6}$/.test(regionCode6)) throw new RangeError(`makeCreditCode: region must be 6 digits, got '${regionCode6}'`);
  if (!inCharset(orgBody9, 9)) throw new RangeError(`makeCreditCode: body must be 9 GB 32100 chars, got '${orgBody9}'`);
  const first17 = prefix2 + regionCode6 + orgBody9;
  return first17 + creditCodeCheckChar(first17);
}

// Upper case only: a generator should emit canonical codes, not rely on the checker's leniency.
function inCharset(text: string, length: number): boolean {
  return text.length === length && [...text].every((ch) => CREDIT_CODE_CHARSET.includes(ch));
}
