import { describe, expect, it } from 'vitest';
import { binLabels, formatMinutes, formatRate } from './dashboard-format';
import { drillQuery, presetDays, toQuery } from './dashboard-query';

describe('dashboard formatting', () => {
  it('writes working minutes as working days, hours and minutes', () => {
    expect(formatMinutes(45, 510, 'zh-CN')).toBe('45分');
    expect(formatMinutes(135, 510, 'zh-CN')).toBe('2小时15分');
    expect(formatMinutes(510 + 120, 510, 'zh-CN')).toBe('1天2小时');
    expect(formatMinutes(1020, 510, 'en-US')).toBe('2 d');
    expect(formatMinutes(0, 510, 'en-US')).toBe('0 m');
    expect(formatMinutes(null, 510, 'en-US')).toBe('—');
  });

  it('labels histogram bins from their edges and rates as percentages', () => {
    expect(binLabels([30, 60, 510], 510, 'zh-CN')).toEqual(['< 30分', '30分–1小时', '1小时–1天', '≥ 1天']);
    expect(formatRate(0.2222)).toBe('22.2%');
    expect(formatRate(null)).toBe('—');
  });
});

describe('dashboard period', () => {
  const now = Date.parse('2026-11-24T02:00:00.000Z'); // Tuesday 10:00 in Shanghai
  it('turns Shanghai days into a UTC period ending at the start of the next day', () => {
    expect(presetDays('last30', now)).toEqual(['2026-10-26', '2026-11-24']);
    expect(presetDays('thisMonth', now)).toEqual(['2026-11-01', '2026-11-24']);
    expect(toQuery({ days: presetDays('today', now), stage: 'approval', person: 'u-clerk-1' })).toEqual({
      from: '2026-11-23T16:00:00.000Z',
      to: '2026-11-24T16:00:00.000Z',
      stage: 'approval',
      person: 'u-clerk-1',
    });
  });

  it('drills down at the instant the figures were read', () => {
    const q = toQuery({ days: ['2026-11-01', '2026-11-24'] });
    const figures = { period: { from: q.from, to: '2026-11-24T02:00:00.001Z' } } as Parameters<typeof drillQuery>[1];
    expect(drillQuery(q, figures).to).toBe('2026-11-24T02:00:00.001Z');
  });
});
