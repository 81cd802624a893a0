import { describe, expect, it } from 'vitest';
import { lockedError, nextFailure } from './login-errors';

describe('nextFailure', () => {
  it('counts up to the lockout, which the last allowed attempt reaches', () => {
    expect(nextFailure({ failedAttempts: 0, lockedUntil: null }, 5)).toEqual({ failures: 1, locks: false, left: 4 });
    expect(nextFailure({ failedAttempts: 3, lockedUntil: null }, 5)).toEqual({ failures: 4, locks: false, left: 1 });
    expect(nextFailure({ failedAttempts: 4, lockedUntil: null }, 5)).toEqual({ failures: 5, locks: true, left: 0 });
  });

  it('starts again from one after a lockout has run out', () => {
    expect(nextFailure({ failedAttempts: 0, lockedUntil: 1_000 }, 5)).toEqual({ failures: 1, locks: false, left: 4 });
    expect(nextFailure({ failedAttempts: 4, lockedUntil: 1_000 }, 5)).toEqual({ failures: 1, locks: false, left: 4 });
  });
});

describe('lockedError', () => {
  it('says how many minutes are left, at least one', () => {
    expect(lockedError(30 * 60_000, 0).error).toMatchObject({ code: 'account-locked', message: expect.stringContaining('30 分钟') });
    expect(lockedError(1_000, 0).error.messageEn).toContain('in 1 minute or');
  });
});
