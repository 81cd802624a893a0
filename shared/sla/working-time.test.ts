import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CALENDAR,
  addWorkingMinutes,
  formatWorkingDuration,
  isWorkingDay,
  shanghaiDate,
  workdayMinutes,
  workingMinutesBetween,
  type WorkCalendar,
} from './working-time';

const cal = DEFAULT_CALENDAR;

/** 'YYYY-MM-DD HH:MM[:SS]' Shanghai wall time → UTC ISO, via the platform's own offset parsing. */
function sh(local: string): string {
  const [date, time] = local.split(' ');
  const withSeconds = time!.length === 5 ? `${time}:00` : time;
  return new Date(Date.parse(`${date}T${withSeconds}+08:00`)).toISOString();
}

/** Deterministic PRNG (mulberry32) so the property tests are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Naive oracle: walks calendar days and sums the overlap with each day's working window.
 * Shares no code with the module (no prefix sums, no binary search).
 */
function naiveMinutesBetween(fromIso: string, toIso: string, c: WorkCalendar): number {
  const sign = Date.parse(toIso) >= Date.parse(fromIso) ? 1 : -1;
  const a = Math.min(Date.parse(fromIso), Date.parse(toIso)) + 8 * 3600_000;
  const b = Math.max(Date.parse(fromIso), Date.parse(toIso)) + 8 * 3600_000;
  const [sh0, sm0] = c.workdayStart.split(':').map(Number);
  const [eh0, em0] = c.workdayEnd.split(':').map(Number);
  let total = 0;
  for (let day = Math.floor(a / 86_400_000); day * 86_400_000 <= b; day++) {
    const d = new Date(day * 86_400_000);
    const date = d.toISOString().slice(0, 10);
    const dow = d.getUTCDay();
    const working = c.holidays.includes(date) ? false : c.extraWorkdays.includes(date) || (dow >= 1 && dow <= 5);
    if (!working) continue;
    const open = day * 86_400_000 + (sh0! * 60 + sm0!) * 60_000;
    const close = day * 86_400_000 + (eh0! * 60 + em0!) * 60_000;
    total += Math.max(0, Math.min(b, close) - Math.max(a, open));
  }
  return (sign * Math.trunc(total / 60_000)) + 0;
}

describe('shanghaiDate', () => {
  it('shifts UTC by +8h across the local midnight', () => {
    expect(shanghaiDate('2026-03-01T15:59:59.999Z')).toBe('2026-03-01');
    expect(shanghaiDate('2026-03-01T16:00:00.000Z')).toBe('2026-03-02');
    expect(shanghaiDate('2025-12-31T16:00:00Z')).toBe('2026-01-01');
  });

  it('accepts explicit offsets', () => {
    expect(shanghaiDate('2026-03-02T00:30:00+08:00')).toBe('2026-03-02');
    expect(shanghaiDate('2026-03-01T23:30:00-05:00')).toBe('2026-03-02'); // 04:30Z → 12:30 local
  });

  it('rejects zone-less or garbage input instead of guessing the host zone', () => {
    expect(() => shanghaiDate('2026-03-02T10:00:00')).toThrow(RangeError);
    expect(() => shanghaiDate('2026-03-02')).toThrow(RangeError);
    expect(() => shanghaiDate('yesterday')).toThrow(RangeError);
  });
});

describe('isWorkingDay with the 2026 PRC calendar', () => {
  it.each([
    ['2026-03-02', true], // Monday
    ['2026-03-06', true], // Friday
    ['2026-03-07', false], // Saturday
    ['2026-03-08', false], // Sunday
    ['2026-01-01', false], // 元旦 (Thu)
    ['2026-01-02', false], // 元旦 (Fri)
    ['2026-01-04', true], // make-up Sunday
    ['2026-02-14', true], // make-up Saturday before 春节
    ['2026-02-16', false], // 除夕 (Mon)
    ['2026-02-23', false], // last day of 春节 (Mon)
    ['2026-02-24', true],
    ['2026-02-28', true], // make-up Saturday after 春节
    ['2026-04-06', false], // 清明 (Mon)
    ['2026-05-05', false], // 劳动节 (Tue)
    ['2026-05-09', true], // make-up Saturday
    ['2026-06-19', false], // 端午 (Fri)
    ['2026-09-20', true], // make-up Sunday before 国庆
    ['2026-09-25', false], // 中秋 (Fri)
    ['2026-10-07', false], // 国庆 (Wed)
    ['2026-10-08', true],
    ['2026-10-10', true], // make-up Saturday
    ['2026-10-11', false], // ordinary Sunday
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });

  it('lets holidays win when a date is configured as both', () => {
    const both: WorkCalendar = { ...cal, holidays: ['2026-03-07'], extraWorkdays: ['2026-03-07'] };
    expect(isWorkingDay('2026-03-07', both)).toBe(false);
  });

  it('rejects impossible dates', () => {
    expect(() => isWorkingDay('2026-02-30', cal)).toThrow(RangeError);
    expect(() => isWorkingDay('2026-3-2', cal)).toThrow(RangeError);
  });
});

describe('addWorkingMinutes', () => {
  it('stays within one day', () => {
    expect(addWorkingMinutes('2026-03-02T02:00:00.000Z', 90, cal)).toBe('2026-03-02T03:30:00.000Z'); // Mon 10:00 → 11:30
  });

  it('crosses a night', () => {
    // Tue 16:30 + 120: 60 min Tue, 60 min Wed → Wed 10:00
    expect(addWorkingMinutes(sh('2026-03-03 16:30'), 120, cal)).toBe(sh('2026-03-04 10:00'));
  });

  it('crosses a weekend: Friday 16:00 + 240 → Monday 11:30', () => {
    expect(addWorkingMinutes('2026-03-06T08:00:00.000Z', 240, cal)).toBe('2026-03-09T03:30:00.000Z');
  });

  it('skips holidays (清明 Sat–Mon, 劳动节 Fri–Tue)', () => {
    expect(addWorkingMinutes(sh('2026-04-03 16:00'), 240, cal)).toBe(sh('2026-04-07 11:30'));
    expect(addWorkingMinutes(sh('2026-04-30 17:00'), 60, cal)).toBe(sh('2026-05-06 09:30'));
  });

  it('counts make-up weekend workdays', () => {
    expect(addWorkingMinutes(sh('2026-02-13 17:00'), 60, cal)).toBe(sh('2026-02-14 09:30')); // into make-up Sat
    expect(addWorkingMinutes(sh('2026-02-14 16:30'), 120, cal)).toBe(sh('2026-02-24 10:00')); // over 春节
    expect(addWorkingMinutes(sh('2025-12-31 17:00'), 60, cal)).toBe(sh('2026-01-04 09:30')); // 元旦 → make-up Sun
    expect(addWorkingMinutes(sh('2026-05-08 17:00'), 60, cal)).toBe(sh('2026-05-09 09:30'));
  });

  it('starts before opening at that morning’s opening', () => {
    expect(addWorkingMinutes(sh('2026-03-02 07:00'), 30, cal)).toBe(sh('2026-03-02 09:30'));
    expect(addWorkingMinutes('2026-03-01T23:00:00.000Z', 30, cal)).toBe('2026-03-02T01:30:00.000Z');
  });

  it('starts after closing at the next working morning', () => {
    expect(addWorkingMinutes(sh('2026-03-02 18:00'), 30, cal)).toBe(sh('2026-03-03 09:30'));
    expect(addWorkingMinutes(sh('2026-03-06 23:59'), 30, cal)).toBe(sh('2026-03-09 09:30')); // Fri night
    expect(addWorkingMinutes(sh('2026-03-07 12:00'), 30, cal)).toBe(sh('2026-03-09 09:30')); // Saturday
    expect(addWorkingMinutes(sh('2026-09-30 17:30'), 1, cal)).toBe(sh('2026-10-08 09:01')); // closing, before 国庆
  });

  it('lands on closing time rather than the next opening when the budget ends exactly at close', () => {
    expect(addWorkingMinutes(sh('2026-03-02 17:00'), 30, cal)).toBe(sh('2026-03-02 17:30'));
    expect(addWorkingMinutes(sh('2026-03-02 09:00'), 510, cal)).toBe(sh('2026-03-02 17:30'));
    expect(addWorkingMinutes(sh('2026-03-02 09:00'), 511, cal)).toBe(sh('2026-03-03 09:01'));
    expect(addWorkingMinutes(sh('2026-03-02 09:00'), 5 * 510, cal)).toBe(sh('2026-03-06 17:30'));
  });

  it('with 0 minutes returns the start inside hours, else the next opening', () => {
    expect(addWorkingMinutes(sh('2026-03-02 11:11:11'), 0, cal)).toBe(sh('2026-03-02 11:11:11'));
    expect(addWorkingMinutes(sh('2026-03-02 09:00'), 0, cal)).toBe(sh('2026-03-02 09:00'));
    expect(addWorkingMinutes(sh('2026-03-02 17:30'), 0, cal)).toBe(sh('2026-03-03 09:00'));
    expect(addWorkingMinutes(sh('2026-03-07 10:00'), 0, cal)).toBe(sh('2026-03-09 09:00'));
  });

  it('keeps sub-minute precision of the start and of fractional minutes', () => {
    expect(addWorkingMinutes('2026-03-02T02:00:30.250Z', 1, cal)).toBe('2026-03-02T02:01:30.250Z');
    expect(addWorkingMinutes('2026-03-02T02:00:00.000Z', 0.5, cal)).toBe('2026-03-02T02:00:30.000Z');
  });

  it('handles multi-week budgets across 国庆 (a make-up Sunday and Saturday)', () => {
    // Working days from Fri 09-18: 18, 20(Sun), 21, 22, 23, 24, 28, 29, 30, 10-08, 10-09, 10-10(Sat), 10-12
    expect(addWorkingMinutes(sh('2026-09-18 09:00'), 12 * 510 + 60, cal)).toBe(sh('2026-10-12 10:00'));
  });

  it('rejects negative or non-finite budgets', () => {
    expect(() => addWorkingMinutes(sh('2026-03-02 10:00'), -1, cal)).toThrow(RangeError);
    expect(() => addWorkingMinutes(sh('2026-03-02 10:00'), Number.NaN, cal)).toThrow(RangeError);
    expect(() => addWorkingMinutes(sh('2026-03-02 10:00'), Infinity, cal)).toThrow(RangeError);
  });
});

describe('workingMinutesBetween', () => {
  it('counts simple spans', () => {
    expect(workingMinutesBetween(sh('2026-03-02 10:00'), sh('2026-03-02 11:30'), cal)).toBe(90);
    expect(workingMinutesBetween(sh('2026-03-06 16:00'), sh('2026-03-09 11:30'), cal)).toBe(240);
    expect(workingMinutesBetween(sh('2026-03-02 09:00'), sh('2026-03-09 09:00'), cal)).toBe(5 * 510);
  });

  it('is zero across a night or weekend with no working time', () => {
    expect(workingMinutesBetween(sh('2026-03-02 18:00'), sh('2026-03-03 08:59'), cal)).toBe(0);
    expect(workingMinutesBetween(sh('2026-03-06 17:30'), sh('2026-03-09 09:00'), cal)).toBe(0);
  });

  it('clips partial days outside opening hours', () => {
    expect(workingMinutesBetween(sh('2026-03-02 06:00'), sh('2026-03-02 23:00'), cal)).toBe(510);
    expect(workingMinutesBetween(sh('2026-03-02 12:00'), sh('2026-03-03 08:00'), cal)).toBe(330);
  });

  it('skips holidays and counts make-up days', () => {
    expect(workingMinutesBetween(sh('2026-02-13 09:00'), sh('2026-02-24 09:00'), cal)).toBe(2 * 510); // Fri + make-up Sat
    expect(workingMinutesBetween(sh('2026-09-28 09:00'), sh('2026-10-12 09:00'), cal)).toBe(6 * 510);
    expect(workingMinutesBetween(sh('2026-09-18 09:00'), sh('2026-09-21 09:00'), cal)).toBe(2 * 510); // Fri + make-up Sun
    expect(workingMinutesBetween(sh('2026-09-24 09:00'), sh('2026-09-28 09:00'), cal)).toBe(510); // 中秋
  });

  it('is negative when to < from (breached SLA)', () => {
    expect(workingMinutesBetween(sh('2026-03-02 11:30'), sh('2026-03-02 10:00'), cal)).toBe(-90);
    expect(workingMinutesBetween(sh('2026-03-09 11:30'), sh('2026-03-06 16:00'), cal)).toBe(-240);
  });

  it('truncates toward zero and never returns -0', () => {
    expect(workingMinutesBetween('2026-03-02T02:00:00.000Z', '2026-03-02T02:00:59.999Z', cal)).toBe(0);
    expect(Object.is(workingMinutesBetween('2026-03-02T02:00:59.999Z', '2026-03-02T02:00:00.000Z', cal), 0)).toBe(true);
    expect(workingMinutesBetween('2026-03-02T02:00:00.000Z', '2026-03-02T02:01:30.000Z', cal)).toBe(1);
    expect(workingMinutesBetween('2026-03-02T02:01:30.000Z', '2026-03-02T02:00:00.000Z', cal)).toBe(-1);
  });

  it('matches a day-by-day oracle on random spans, including years outside the holiday data', () => {
    const rand = rng(42);
    const lo = Date.parse('2024-06-01T00:00:00Z');
    const span = Date.parse('2028-06-01T00:00:00Z') - lo;
    for (let i = 0; i < 300; i++) {
      const a = new Date(lo + Math.floor(rand() * span)).toISOString();
      const b = new Date(lo + Math.floor(rand() * span)).toISOString();
      expect(workingMinutesBetween(a, b, cal), `${a} → ${b}`).toBe(naiveMinutesBetween(a, b, cal));
    }
  });
});

describe('addWorkingMinutes ∘ workingMinutesBetween round trip', () => {
  it('workingMinutesBetween(s, addWorkingMinutes(s, m)) === m for random working-time starts', () => {
    const rand = rng(2026);
    const firstDay = Date.parse('2025-12-01T00:00:00Z') / 86_400_000;
    let checked = 0;
    while (checked < 500) {
      const date = new Date((firstDay + Math.floor(rand() * 420)) * 86_400_000).toISOString().slice(0, 10);
      if (!isWorkingDay(date, cal)) continue;
      const offsetSec = Math.floor(rand() * 510 * 60); // somewhere in 09:00:00–17:29:59
      const start = new Date(Date.parse(`${date}T09:00:00+08:00`) + offsetSec * 1000).toISOString();
      const m = Math.floor(rand() * 15_000);
      const end = addWorkingMinutes(start, m, cal);
      expect(workingMinutesBetween(start, end, cal), `${start} + ${m}`).toBe(m);
      expect(workingMinutesBetween(end, start, cal)).toBe(m === 0 ? 0 : -m);
      checked++;
    }
  });

  it('also holds for starts outside working hours', () => {
    const rand = rng(7);
    const lo = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 300; i++) {
      const start = new Date(lo + Math.floor(rand() * 365 * 86_400_000)).toISOString();
      const m = 1 + Math.floor(rand() * 5000);
      const end = addWorkingMinutes(start, m, cal);
      expect(workingMinutesBetween(start, end, cal), `${start} + ${m}`).toBe(m);
      // The end is never strictly outside hours: it is inside a working window or exactly at closing.
      const local = new Date(Date.parse(end) + 8 * 3600_000).toISOString();
      const clock = local.slice(11, 23);
      expect(isWorkingDay(local.slice(0, 10), cal)).toBe(true);
      expect(clock > '09:00:00.000' && clock <= '17:30:00.000', end).toBe(true);
    }
  });
});

describe('custom calendars', () => {
  it('uses the configured hours, holidays and make-up days', () => {
    const custom: WorkCalendar = {
      workdayStart: '08:30',
      workdayEnd: '12:00',
      holidays: ['2030-01-02'], // a Wednesday
      extraWorkdays: ['2030-01-05'], // a Saturday
    };
    expect(workdayMinutes(custom)).toBe(210);
    expect(isWorkingDay('2030-01-02', custom)).toBe(false);
    expect(isWorkingDay('2030-01-05', custom)).toBe(true);
    // Tue 01-01 11:00 + 300: 60 Tue, Wed off, 210 Thu, 30 Fri → Fri 09:00
    expect(addWorkingMinutes(sh('2030-01-01 11:00'), 300, custom)).toBe(sh('2030-01-04 09:00'));
    expect(workingMinutesBetween(sh('2030-01-04 08:30'), sh('2030-01-07 08:30'), custom)).toBe(420); // Fri + Sat
  });

  it('notices a reassigned field on the same calendar object', () => {
    const mutable: WorkCalendar = { ...DEFAULT_CALENDAR };
    expect(workdayMinutes(mutable)).toBe(510);
    mutable.workdayEnd = '18:00';
    expect(workdayMinutes(mutable)).toBe(540);
    mutable.holidays = [...DEFAULT_CALENDAR.holidays, '2026-03-02'];
    expect(isWorkingDay('2026-03-02', mutable)).toBe(false);
  });

  it('rejects malformed calendars', () => {
    expect(() => workdayMinutes({ ...cal, workdayStart: '9:00' })).toThrow(RangeError);
    expect(() => workdayMinutes({ ...cal, workdayEnd: '08:00' })).toThrow(RangeError);
    expect(() => workdayMinutes({ ...cal, workdayEnd: '17:60' })).toThrow(RangeError);
    expect(() => workdayMinutes({ ...cal, holidays: ['2026-13-01'] })).toThrow(RangeError);
  });
});

describe('formatWorkingDuration', () => {
  it.each([
    [0, { days: 0, hours: 0, minutes: 0, negative: false }],
    [59, { days: 0, hours: 0, minutes: 59, negative: false }],
    [509, { days: 0, hours: 8, minutes: 29, negative: false }],
    [510, { days: 1, hours: 0, minutes: 0, negative: false }],
    [1000, { days: 1, hours: 8, minutes: 10, negative: false }],
    [-1000, { days: 1, hours: 8, minutes: 10, negative: true }],
    [-45, { days: 0, hours: 0, minutes: 45, negative: true }],
    [-0.5, { days: 0, hours: 0, minutes: 0, negative: false }],
    [90.9, { days: 0, hours: 1, minutes: 30, negative: false }],
  ])('%s min with 510-min days', (minutes, expected) => {
    expect(formatWorkingDuration(minutes, 510)).toEqual(expected);
  });

  it('uses the given workday length', () => {
    expect(formatWorkingDuration(1000, 480)).toEqual({ days: 2, hours: 0, minutes: 40, negative: false });
  });

  it('rejects bad arguments', () => {
    expect(() => formatWorkingDuration(10, 0)).toThrow(RangeError);
    expect(() => formatWorkingDuration(10, 7.5)).toThrow(RangeError);
    expect(() => formatWorkingDuration(Number.NaN, 510)).toThrow(RangeError);
  });
});
