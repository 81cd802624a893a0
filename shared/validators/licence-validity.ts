import { isCalendarDate } from './id-number';

/**
 * Validity of a licence, permit or identity card: a period from a date to a date or to 长期 (no expiry).
 * Shared code does not read the clock, so `today` (YYYY-MM-DD, Asia/Shanghai) is always passed in.
 */
export type ValidityStatus = 'valid' | 'expiring' | 'expired' | 'not_yet_valid' | 'invalid';

export interface ValidityPeriod {
  from: string;
  /** 'YYYY-MM-DD' or '长期'. */
  to: string;
}

export interface Validity {
  status: ValidityStatus;
  /** Days until the end (0 on the last valid day); null for 长期 or an invalid period. */
  daysLeft: number | null;
}

const OPEN_END = '长期';
/** Earliest plausible start: PRC registrations and resident ID cards do not predate 1949. */
const EARLIEST = '1949-10-01';

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Status of a period on `today`; a period ending within `warnDays` is 'expiring'. */
export function licenceValidity(period: ValidityPeriod, today: string, warnDays = 90): Validity {
  if (!isCalendarDate(today)) throw new RangeError(`licenceValidity: today must be 'YYYY-MM-DD', got '${today}'`);
  const { from, to } = period;
  const openEnd = to === OPEN_END;
  if (!isCalendarDate(from) || from < EARLIEST || (!openEnd && (!isCalendarDate(to) || to < from))) {
    return { status: 'invalid', daysLeft: null };
  }
  if (from > today) return { status: 'not_yet_valid', daysLeft: null };
  if (openEnd) return { status: 'valid', daysLeft: null };
  const left = days(today, to);
  if (left < 0) return { status: 'expired', daysLeft: left };
  return { status: left <= warnDays ? 'expiring' : 'valid', daysLeft: left };
}

/**
 * Resident ID cards (GB 11643 / 居民身份证法 art. 5) are issued for 5, 10 or 20 years, ending on the same
 * month and day as they start, or 长期 from the age of 46. Anything else is not a real card's period.
 */
export function isPlausibleIdCardPeriod(period: ValidityPeriod): boolean {
  if (!isCalendarDate(period.from)) return false;
  if (period.to === OPEN_END) return true;
  if (!isCalendarDate(period.to) || period.to.slice(4) !== period.from.slice(4)) return false;
  const years = Number(period.to.slice(0, 4)) - Number(period.from.slice(0, 4));
  return years === 5 || years === 10 || years === 20;
}
