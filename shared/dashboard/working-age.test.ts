import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, workingMinutesBetween } from '../sla/working-time';
import { local } from './audit-log-fixtures';
import { latestStartWithAge } from './working-age';

describe('latest start with a given working age', () => {
  const ends = [local('2026-10-08 10:00'), local('2026-11-23 09:05'), local('2026-10-10 17:45'), local('2026-11-24 12:00')];

  it('splits every start into "at least that old" and "younger" exactly as workingMinutesBetween does', () => {
    for (const end of ends) {
      for (const minutes of [240, 510, 1020]) {
        const edge = latestStartWithAge(end, minutes, DEFAULT_CALENDAR);
        const age = (ms: number) => workingMinutesBetween(new Date(ms).toISOString(), end, DEFAULT_CALENDAR);
        expect(age(edge)).toBeGreaterThanOrEqual(minutes);
        expect(age(edge + 1)).toBeLessThan(minutes);
        // Starts spread over the weeks before (holidays and make-up days included) fall on the right side.
        for (let k = 0; k < 400; k++) {
          const start = Date.parse(end) - k * 97 * 60_000;
          expect(start <= edge).toBe(age(start) >= minutes);
        }
      }
    }
  });

  it('lands a day-long age across the National Day holiday on the last working day before it', () => {
    // 510 working minutes before Thu 8 Oct 10:00 is Wed 30 Sep 10:00 (1–7 Oct are holidays).
    expect(new Date(latestStartWithAge(local('2026-10-08 10:00'), 510, DEFAULT_CALENDAR)).toISOString()).toBe(local('2026-09-30 10:00'));
  });
});
