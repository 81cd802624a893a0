/**
 * Day and hour buckets in the bank's zone. Shanghai has had no DST since 1991, so a fixed +8 h offset is
 * exact (as in shared/sla/working-time.ts) and a bucket is plain integer division of epoch milliseconds.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

export function localDayIndex(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

export function localHourIndex(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / HOUR_MS);
}

/** 'YYYY-MM-DD' of a local day index. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD HH:00' of a local hour index. */
export function hourLabel(hour: number): string {
  const iso = new Date(hour * HOUR_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 13)}:00`;
}

/** UTC instant of local midnight starting 'YYYY-MM-DD' (what a date picker's day means to the bank). */
export function localMidnightIso(date: string): string {
  const ms = Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS;
  return new Date(ms).toISOString();
}
