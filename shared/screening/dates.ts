import { isCalendarDate } from '../validators/id-number';

/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings (dates in Asia/Shanghai, passed in: shared code never reads
 * the clock). Whole years and whole months, as a person counts them: someone born on 2008-11-24 is 18 on
 * 2026-11-24 and 17 the day before.
 */

function parts(date: string): [number, number, number] {
  if (!isCalendarDate(date)) throw new RangeError(`expected 'YYYY-MM-DD', got '${date}'`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** Whole years from `from` to `to` (negative if `to` is earlier). */
export function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  const years = ty - fy;
  return tm < fm || (tm === fm && td < fd) ? years - 1 : years;
}

/** Whole months from `from` to `to`: 2024-01-31 → 2024-02-29 is 0 months, → 2024-03-31 is 2. */
export function wholeMonths(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  const months = (ty - fy) * 12 + (tm - fm);
  return td < fd ? months - 1 : months;
}

/** Days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  parts(from);
  parts(to);
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
