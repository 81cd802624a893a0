import { describe, expect, it } from 'vitest';
import { idleVerdict } from './useIdleLogout';

describe('idleVerdict', () => {
  const MIN = 60_000;
  it('ends the session after the idle time without input, and tells the host of input it has not heard of', () => {
    expect(idleVerdict(20 * MIN, 5 * MIN, 5 * MIN, 15)).toBe('idle');
    expect(idleVerdict(20 * MIN, 6 * MIN, 5 * MIN, 15)).toBe('active');
    expect(idleVerdict(20 * MIN, 6 * MIN, 6 * MIN, 15)).toBe('quiet');
    expect(idleVerdict(20 * MIN, 19 * MIN, 6 * MIN, 15)).toBe('active');
  });
});
