import { workingMinutesBetween, type WorkCalendar } from '../sla/working-time';

const DAY_MS = 86_400_000;
/** Far enough back for any age bucket: a few working days never span more than a year of holidays. */
const SEARCH_BACK_MS = 400 * DAY_MS;

/**
 * The latest start (epoch ms) from which at least `minutes` working minutes have passed at `toIso`;
 * -Infinity if there is none within a year. Working minutes elapsed are non-increasing in the start, so
 * "age ≥ minutes" is exactly "start ≤ this instant": a backlog of any size is bucketed by comparing
 * numbers, with the calendar consulted only ~40 times per bucket edge.
 */
export function latestStartWithAge(toIso: string, minutes: number, cal: WorkCalendar): number {
  const to = Date.parse(toIso);
  const age = (start: number) => workingMinutesBetween(new Date(start).toISOString(), toIso, cal);
  let lo = to - SEARCH_BACK_MS; // invariant: age(lo) >= minutes
  let hi = to + 1; // invariant: age(hi) < minutes (a start after the end has no age)
  if (minutes <= 0) return to;
  if (age(lo) < minutes) return -Infinity;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (age(mid) >= minutes) lo = mid;
    else hi = mid;
  }
  return lo;
}
