/**
 * Working-time arithmetic for SLA clocks, in the bank's zone (Asia/Shanghai).
 *
 * Shanghai has had no DST since 1991, so a fixed +8h offset is exact and avoids
 * depending on the host's ICU/tz data. Internally every instant is shifted to
 * "local ms" and then treated like UTC, which makes day boundaries plain division.
 *
 * Cost: a calendar is compiled once (cached) into prefix sums so that counting
 * working days over any range is O(log holidays); nothing loops per minute or per day.
 */

export interface WorkCalendar {
  workdayStart: string; // 'HH:MM' local, e.g. '09:00'
  workdayEnd: string; // 'HH:MM' local, e.g. '17:30'
  holidays: readonly string[]; // 'YYYY-MM-DD' local dates that are not working days
  extraWorkdays: readonly string[]; // weekend dates that ARE working days (调休 make-up days)
}

/**
 * PRC 2026 arrangement per 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
 * Weekend days inside a holiday block are listed too: redundant for the arithmetic,
 * but it keeps the list comparable line-by-line with the published notice.
 * Later years must be appended here (or supplied by configuration) when published.
 */
export const DEFAULT_CALENDAR: WorkCalendar = {
  workdayStart: '09:00',
  workdayEnd: '17:30',
  holidays: [
    '2026-01-01', '2026-01-02', '2026-01-03', // 元旦
    '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19',
    '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', // 春节
    '2026-04-04', '2026-04-05', '2026-04-06', // 清明节
    '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', // 劳动节
    '2026-06-19', '2026-06-20', '2026-06-21', // 端午节
    '2026-09-25', '2026-09-26', '2026-09-27', // 中秋节
    '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04',
    '2026-10-05', '2026-10-06', '2026-10-07', // 国庆节
  ],
  extraWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 60 * MINUTE_MS;
// Day 0 (1970-01-01) was a Thursday; flags for Thu..Wed, and their running sums.
const WEEKDAY_FROM_THU = [1, 1, 0, 0, 1, 1, 1] as const;
const WEEKDAY_PREFIX = [0, 1, 2, 2, 2, 3, 4, 5] as const;

interface CompiledCalendar {
  startMs: number; // ms after local midnight when the working period opens
  lengthMs: number;
  holidays: ReadonlySet<number>; // day indices
  extras: ReadonlySet<number>;
  adjustDays: number[]; // sorted day indices where the weekday rule is overridden
  adjustPrefix: number[]; // adjustPrefix[i] = sum of deltas of adjustDays[0..i)
}

/** Working minutes in one full working day of `cal` (510 for 09:00–17:30). */
export function workdayMinutes(cal: WorkCalendar): number {
  return compile(cal).lengthMs / MINUTE_MS;
}

export function shanghaiDate(isoUtc: string): string {
  return dayToDate(Math.floor(toLocalMs(isoUtc) / DAY_MS));
}

/** Holidays take precedence over extraWorkdays if a date is (mis)configured in both. */
export function isWorkingDay(localDate: string, cal: WorkCalendar): boolean {
  return isWorkingDayIndex(dateToDay(localDate), compile(cal));
}

/**
 * Instant at which `minutes` working minutes have elapsed since start. A start outside
 * working hours counts from the next opening; so with minutes = 0 the result is the
 * start itself if it is inside working hours, else that next opening. A target that
 * lands exactly on closing time returns closing time (not the next morning's opening).
 */
export function addWorkingMinutes(startIsoUtc: string, minutes: number, cal: WorkCalendar): string {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`addWorkingMinutes: minutes must be a finite number >= 0, got ${minutes}`);
  }
  const c = compile(cal);
  const startLocal = toLocalMs(startIsoUtc);
  const addMs = Math.round(minutes * MINUTE_MS);
  const local = addMs === 0 ? nextWorkingMoment(startLocal, c) : localAtPosition(position(startLocal, c) + addMs, c);
  return new Date(local - SHANGHAI_OFFSET_MS).toISOString();
}

/**
 * Working minutes from `from` to `to`; negative when to < from. Truncated toward zero
 * (so 59.9 working seconds of overrun reads 0, not -1).
 */
export function workingMinutesBetween(fromIsoUtc: string, toIsoUtc: string, cal: WorkCalendar): number {
  const c = compile(cal);
  const diffMs = position(toLocalMs(toIsoUtc), c) - position(toLocalMs(fromIsoUtc), c);
  return Math.trunc(diffMs / MINUTE_MS) + 0; // + 0 turns -0 into 0
}

/** Splits |minutes| (truncated to whole minutes) into working days, hours, minutes. */
export function formatWorkingDuration(
  minutes: number,
  workdayMinutes: number,
): { days: number; hours: number; minutes: number; negative: boolean } {
  if (!Number.isFinite(minutes)) throw new RangeError(`formatWorkingDuration: minutes must be finite, got ${minutes}`);
  if (!Number.isInteger(workdayMinutes) || workdayMinutes <= 0) {
    throw new RangeError(`formatWorkingDuration: workdayMinutes must be a positive integer, got ${workdayMinutes}`);
  }
  const whole = Math.trunc(minutes);
  const abs = Math.abs(whole);
  const rest = abs % workdayMinutes;
  return { days: Math.floor(abs / workdayMinutes), hours: Math.floor(rest / 60), minutes: rest % 60, negative: whole < 0 };
}

// ---- internals ----

/** Working ms elapsed from an arbitrary fixed origin up to local instant t; non-decreasing in t. */
function position(t: number, c: CompiledCalendar): number {
  const day = Math.floor(t / DAY_MS);
  const into = t - day * DAY_MS;
  const today = isWorkingDayIndex(day, c) ? Math.min(Math.max(into - c.startMs, 0), c.lengthMs) : 0;
  return workingDaysBefore(day, c) * c.lengthMs + today;
}

/** Earliest local instant whose position equals p; p is assumed to lie past a working moment. */
function localAtPosition(p: number, c: CompiledCalendar): number {
  let k = Math.floor(p / c.lengthMs);
  let offset = p - k * c.lengthMs;
  // Exactly on a day boundary of working time means closing time of the previous working day.
  if (offset === 0) {
    k -= 1;
    offset = c.lengthMs;
  }
  return nthWorkingDay(k, c) * DAY_MS + c.startMs + offset;
}

function nextWorkingMoment(t: number, c: CompiledCalendar): number {
  const day = Math.floor(t / DAY_MS);
  const into = t - day * DAY_MS;
  if (isWorkingDayIndex(day, c) && into >= c.startMs && into < c.startMs + c.lengthMs) return t;
  const k = workingDaysBefore(day, c) + (isWorkingDayIndex(day, c) && into >= c.startMs ? 1 : 0);
  return nthWorkingDay(k, c) * DAY_MS + c.startMs;
}

/** The working day d with workingDaysBefore(d) === k: exponential then binary search on the prefix count. */
function nthWorkingDay(k: number, c: CompiledCalendar): number {
  // Roughly 5 working days per 7 calendar days gives a starting bracket.
  let lo = Math.floor((k * 7) / 5) - 7;
  while (workingDaysBefore(lo, c) > k) lo -= 2 * (workingDaysBefore(lo, c) - k) + 7;
  let hi = lo + 8;
  while (workingDaysBefore(hi, c) <= k) hi += (hi - lo) * 2;
  // Invariant: count(lo) <= k < count(hi); find smallest hi with count(hi) > k, then day = hi - 1.
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (workingDaysBefore(mid, c) > k) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}

/** Number of working days in [origin, day); origin is fixed so only differences matter. */
function workingDaysBefore(day: number, c: CompiledCalendar): number {
  const weeks = Math.floor(day / 7);
  const weekdays = weeks * 5 + WEEKDAY_PREFIX[day - weeks * 7]!;
  return weekdays + c.adjustPrefix[upperBound(c.adjustDays, day - 1)]!;
}

/** Count of sorted values <= x. */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isWeekday(day: number): boolean {
  return WEEKDAY_FROM_THU[((day % 7) + 7) % 7] === 1;
}

function isWorkingDayIndex(day: number, c: CompiledCalendar): boolean {
  if (c.holidays.has(day)) return false;
  return c.extras.has(day) || isWeekday(day);
}

// Keyed by object, and re-validated against field identity so a reassigned field is not served stale.
const cache = new WeakMap<WorkCalendar, { key: readonly unknown[]; compiled: CompiledCalendar }>();

function compile(cal: WorkCalendar): CompiledCalendar {
  const key = [cal.workdayStart, cal.workdayEnd, cal.holidays, cal.extraWorkdays] as const;
  const hit = cache.get(cal);
  if (hit && hit.key.every((v, i) => v === key[i])) return hit.compiled;

  const startMin = parseHhMm(cal.workdayStart);
  const endMin = parseHhMm(cal.workdayEnd);
  if (endMin <= startMin) {
    throw new RangeError(`WorkCalendar: workdayEnd ${cal.workdayEnd} must be after workdayStart ${cal.workdayStart}`);
  }
  const holidays = new Set(cal.holidays.map(dateToDay));
  const extras = new Set(cal.extraWorkdays.map(dateToDay));
  const deltas = new Map<number, number>();
  for (const d of holidays) if (isWeekday(d)) deltas.set(d, -1);
  for (const d of extras) if (!holidays.has(d) && !isWeekday(d)) deltas.set(d, 1);
  const adjustDays = [...deltas.keys()].sort((a, b) => a - b);
  const adjustPrefix = [0];
  for (const d of adjustDays) adjustPrefix.push(adjustPrefix[adjustPrefix.length - 1]! + deltas.get(d)!);

  const compiled: CompiledCalendar = {
    startMs: startMin * MINUTE_MS,
    lengthMs: (endMin - startMin) * MINUTE_MS,
    holidays,
    extras,
    adjustDays,
    adjustPrefix,
  };
  cache.set(cal, { key, compiled });
  return compiled;
}

function parseHhMm(text: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59 || minutes > 24 * 60) {
    throw new RangeError(`WorkCalendar: expected 'HH:MM', got '${text}'`);
  }
  return minutes;
}

// Requiring an explicit zone keeps parsing independent of the host's local time zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function toLocalMs(iso: string): number {
  const ms = ISO_INSTANT.test(iso) ? Date.parse(iso) : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`Expected an ISO instant with zone (e.g. '2026-03-02T01:00:00.000Z'), got '${iso}'`);
  return ms + SHANGHAI_OFFSET_MS;
}

function dateToDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  // Date.UTC rolls 02-30 over to March; a round trip exposes such impossible dates.
  if (!m || !Number.isFinite(ms) || dayToDate(ms / DAY_MS) !== date) {
    throw new RangeError(`Expected a 'YYYY-MM-DD' calendar date, got '${date}'`);
  }
  return ms / DAY_MS;
}

function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
