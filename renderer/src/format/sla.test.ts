import { describe, expect, it } from 'vitest';
import { formatSlaDuration, slaStatus } from './sla';

/** Shanghai wall time as epoch ms (UTC+8, no daylight saving). */
const sh = (local: string) => Date.parse(`${local}+08:00`);
const due = (local: string) => new Date(sh(local)).toISOString();

describe('slaStatus: the countdown and its colour', () => {
  it('is ok with an hour of working time left, orange below it', () => {
    // Tuesday 2026-11-24, due 15:00.
    expect(slaStatus(due('2026-11-24T15:00:00'), sh('2026-11-24T14:00:00'))).toMatchObject({ minutes: 60, tone: 'ok' });
    expect(slaStatus(due('2026-11-24T15:00:00'), sh('2026-11-24T14:01:00'))).toMatchObject({ minutes: 59, tone: 'warning' });
  });

  it('counts working time only: due Monday 10:00, seen Friday 17:00, is 90 minutes away', () => {
    const s = slaStatus(due('2026-11-30T10:00:00'), sh('2026-11-27T17:00:00'))!;
    expect(s).toMatchObject({ minutes: 90, tone: 'ok', days: 0, hours: 1, mins: 30 });
    expect(formatSlaDuration(s, (n) => `${n}天`)).toBe('1h30m');
  });

  it('is breached past the deadline even when no working minute has run since (due Friday 17:30, seen Saturday)', () => {
    expect(slaStatus(due('2026-11-27T17:30:00'), sh('2026-11-28T10:00:00'))).toMatchObject({ minutes: 0, tone: 'breached' });
    expect(slaStatus(due('2026-11-24T15:00:00'), sh('2026-11-24T16:00:00'))).toMatchObject({ minutes: -60, tone: 'breached' });
  });

  it('shows whole working days', () => {
    // 8.5 working hours a day: from Tuesday 09:00 to Wednesday 11:10 is one day and 2h10m.
    const s = slaStatus(due('2026-11-25T11:10:00'), sh('2026-11-24T09:00:00'))!;
    expect(formatSlaDuration(s, (n) => `${n}天`)).toBe('1天 2h10m');
  });

  it('runs no clock without a due time, and shows none for a malformed one', () => {
    expect(slaStatus(null, sh('2026-11-24T09:00:00'))).toBeNull();
    expect(slaStatus('not a time', sh('2026-11-24T09:00:00'))).toBeNull();
  });
});
