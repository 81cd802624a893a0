/**
 * PRC resident identity number (居民身份证号码), 18 characters, GB 11643-1999.
 * Layout: 6-digit region (GB/T 2260) + YYYYMMDD birth date + 3-digit sequence
 * (odd = male) + ISO 7064 MOD 11-2 check character.
 *
 * Input is not trimmed: callers normalise form input, so a value that passes here
 * can be stored as-is. Lower-case 'x' is accepted because people type it.
 */

export type IdNumberProblem = 'format' | 'check_digit' | 'birth_date' | 'region';

export interface IdNumberCheck {
  valid: boolean;
  problems: IdNumberProblem[];
  birthDate: string | null; // YYYY-MM-DD
  gender: 'M' | 'F' | null;
  regionCode: string | null;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

// GB/T 2260 province-level codes, including 71 台湾, 81 香港, 82 澳门 (used on residence permits).
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

const MAX_AGE_YEARS = 120;

export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`idNumberCheckDigit: expected 17 digits, got '${first17}'`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Validates structure, check digit, birth date and province. `today` (YYYY-MM-DD) enables
 * the plausibility rule "born not after today and at most 120 years ago"; without it only
 * calendar validity of the birth date is checked (shared code must not read the clock).
 * birthDate/gender/regionCode are reported whenever they can be read, even if another
 * field is wrong, so a UI can show what the number claims.
 */
export function checkIdNumber(id: string, today?: string): IdNumberCheck {
  if (today !== undefined && !isCalendarDate(today)) {
    throw new RangeError(`checkIdNumber: today must be 'YYYY-MM-DD', got '${today}'`);
  }
  if (!/^\d{17}[\dXx]$/.test(id)) {
    return { valid: false, problems: ['format'], birthDate: null, gender: null, regionCode: null };
  }
  const problems: IdNumberProblem[] = [];
  if (idNumberCheckDigit(id.slice(0, 17)) !== id[17]!.toUpperCase()) problems.push('check_digit');

  const raw = id.slice(6, 14);
  const candidate = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  const birthDate = isCalendarDate(candidate) ? candidate : null;
  if (birthDate === null || (today !== undefined && !isPlausibleBirth(birthDate, today))) problems.push('birth_date');

  if (!PROVINCE_CODES.has(id.slice(0, 2))) problems.push('region');

  return {
    valid: problems.length === 0,
    problems,
    birthDate,
    gender: Number(id[16]) % 2 === 1 ? 'M' : 'F',
    regionCode: id.slice(0, 6),
  };
}

function isPlausibleBirth(birth: string, today: string): boolean {
  if (birth > today) return false; // same fixed-width format, so string order is date order
  const age = Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (today.slice(5) < birth.slice(5) ? 1 : 0);
  return age <= MAX_AGE_YEARS;
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Date.UTC maps years 0–99 to 1900s and rolls 02-30 into March; the round trip catches both.
  return d.toISOString().slice(0, 10) === text;
}
