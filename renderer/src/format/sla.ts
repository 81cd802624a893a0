import { DEFAULT_CALENDAR, formatWorkingDuration, workdayMinutes, workingMinutesBetween } from '../../../shared/sla/working-time';

export type SlaTone = 'breached' | 'warning' | 'ok';

export interface SlaStatus {
  /** Working minutes left; negative once the SLA is breached. */
  minutes: number;
  tone: SlaTone;
  days: number;
  hours: number;
  mins: number;
}

/** Below this many working minutes left the countdown turns orange. */
const WARNING_MINUTES = 60;

/** Remaining working time to `slaDueAt` at `nowMs`, or null where no SLA clock runs. */
export function slaStatus(slaDueAt: string | null, nowMs: number): SlaStatus | null {
  if (!slaDueAt) return null;
  let minutes: number;
  try {
    minutes = workingMinutesBetween(new Date(nowMs).toISOString(), slaDueAt, DEFAULT_CALENDAR);
  } catch {
    return null; // a malformed timestamp from the host shows as "no clock" rather than breaking the grid
  }
  const parts = formatWorkingDuration(minutes, workdayMinutes(DEFAULT_CALENDAR));
  // Past the deadline on the wall clock counts as breached even when no working minute has run since
  // (e.g. due Friday 17:30, now Saturday): the host's breach count uses sla_due_at < now, and so do we.
  const pastDue = Date.parse(slaDueAt) < nowMs;
  const tone: SlaTone = minutes < 0 || pastDue ? 'breached' : minutes < WARNING_MINUTES ? 'warning' : 'ok';
  return { minutes, tone, days: parts.days, hours: parts.hours, mins: parts.minutes };
}

/** `2h10m`, or with whole working days `1天 2h10m` / `1d 2h10m`. */
export function formatSlaDuration(status: SlaStatus, daysLabel: (count: number) => string): string {
  const hm = `${status.hours}h${String(status.mins).padStart(2, '0')}m`;
  return status.days > 0 ? `${daysLabel(status.days)} ${hm}` : hm;
}
