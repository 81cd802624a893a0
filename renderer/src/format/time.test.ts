import { describe, expect, it } from 'vitest';
import { formatShanghai, shanghaiDayStartUtc } from './time';

describe('Shanghai time', () => {
  it('shows a UTC instant as Shanghai wall time, with seconds when asked', () => {
    expect(formatShanghai('2026-03-02T16:05:09.000Z')).toBe('2026-03-03 00:05');
    expect(formatShanghai('2026-03-02T16:05:09.000Z', { seconds: true })).toBe('2026-03-03 00:05:09');
  });

  it('starts a Shanghai day at 16:00 UTC the day before', () => {
    expect(shanghaiDayStartUtc('2026-03-03')).toBe('2026-03-02T16:00:00.000Z');
    expect(shanghaiDayStartUtc('2026-01-01')).toBe('2025-12-31T16:00:00.000Z');
  });
});
