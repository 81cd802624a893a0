/** Masks identity numbers and credit codes for roles that do not need them: keep 4 first and 4 last. */
export function maskIdentifier(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

/**
 * Masks a date of birth for roles that do not need it, every digit of it: the birth date is the eight digits
 * in the middle of an identity number that `maskIdentifier` hides, so shown beside the masked number it would
 * leave a handful of candidates for the whole number.
 */
export function maskBirthDate(value: string): string {
  return value.replace(/\d/g, '*');
}

/**
 * Masks a telephone number for roles that do not need it, keeping the first three and last four characters
 * as banks print them (138****5678); a number too short for that keeps only its last two.
 */
export function maskPhone(value: string): string {
  if (value.length >= 11) return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
  if (value.length <= 2) return '*'.repeat(value.length);
  return '*'.repeat(value.length - 2) + value.slice(-2);
}

// A run of exactly 18 (or the old 15) digits, wherever it stands: `idNumber320102…` or `320102…_身份证.jpg`.
const ID_NUMBER_IN_TEXT = /(?<!\d)(?:\d{17}[\dXx]|\d{15})(?![\dXx])/g;
// Credit codes hold letters, so only a run of exactly 18 code characters between non-alphanumerics is one.
const CREDIT_CODE_IN_TEXT = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Za-z])/gi;

/**
 * Masks whatever in a free text is shaped like an identity number or credit code: a file name a branch gave
 * a scan, an error message on its way to a log. Such text is read by roles that may not see the number.
 */
export function maskIdentifiersIn(text: string): string {
  // Found in the half-width reading (a number typed with a Chinese input method is often full-width), masked
  // in the text as written: each full-width character is one UTF-16 unit, so the positions are the same.
  const plain = halfWidth(text);
  const spans = [...plain.matchAll(ID_NUMBER_IN_TEXT), ...plain.matchAll(CREDIT_CODE_IN_TEXT)]
    .map((m) => [m.index, m.index + m[0].length] as const)
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  if (spans.length === 0) return text;
  // Built once, whatever the number of matches (a long log line full of numbers); a span the other pattern
  // found too (an 18-digit number is also shaped like a credit code) is masked once.
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at) continue;
    out += text.slice(at, start) + maskIdentifier(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

const FULL_WIDTH_ALPHANUMERIC = /[０-９Ａ-Ｚａ-ｚ]/g;

function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH_ALPHANUMERIC, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A value made of free text people typed (audit details: reasons, notes, comments; a proposal's conditions)
 * with identifiers masked in every string it holds, for roles that may not see them: a clerk may well write
 * the applicant's identity number into a return reason. Keys and non-strings are kept as they are.
 */
export function maskIdentifiersDeep<T>(value: T): T {
  if (typeof value === 'string') return maskIdentifiersIn(value) as T;
  if (Array.isArray(value)) return value.map(maskIdentifiersDeep) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskIdentifiersDeep(v)])) as T;
  }
  return value;
}

// A mainland mobile number (13… to 19…, perhaps after +86, perhaps written 138 5123 4567 or 138-5123-4567),
// and a landline with its area code set off — 025-84561234, (025)84561234, 0512 6888 1234 — since a bare run
// of digits from 0 is as likely an application or account number.
const MOBILE_IN_TEXT = /(?<!\d)(\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g;
const LANDLINE_IN_TEXT = /(?<!\d)(?:\(0\d{2,3}\)\s?|0\d{2,3}[\s-])\d{3,4}[\s-]?\d{4}(?!\d)/g;

/**
 * Masks identifiers and telephone numbers in a text on its way to a log, which nobody reads for either (a
 * database error quoting a row, a file name). Full-width digits are read as digits. Identifiers first: an
 * identity number holds 11-digit runs. An 11-digit number from 13… is masked whatever it is (an amount in
 * fen, say): in a log that is the safer mistake.
 */
export function maskPersonalDataIn(text: string): string {
  return maskIdentifiersIn(halfWidth(text))
    .replace(MOBILE_IN_TEXT, (_, country: string | undefined, a: string, b: string, c: string) => (country ?? '') + maskPhone(a + b + c))
    .replace(LANDLINE_IN_TEXT, maskPhone);
}

/**
 * An error as a log line may hold it: its name and its message with identifiers and phone numbers masked,
 * cut to `max` characters only after masking (a number cut in two would no longer be recognised).
 */
export function loggableError(e: unknown, max = 200): string {
  if (!(e instanceof Error)) return typeof e === 'string' ? maskPersonalDataIn(e).slice(0, max) : 'non-error value';
  return `${e.name}: ${maskPersonalDataIn(e.message).slice(0, max)}`;
}
