import { describe, expect, it } from 'vitest';
import { lockedError, lockInForce, nextFailure, wrongPasswordAction, wrongPasswordRefusal } from './login-errors';

const NOW = 10_000;

describe('nextFailure', () => {
  it('counts up to the lockout, which the last allowed attempt reaches', () => {
    expect(nextFailure({ failedAttempts: 0, lockedUntil: null }, 5, NOW)).toEqual({ failures: 1, locks: false, left: 4 });
    expect(nextFailure({ failedAttempts: 3, lockedUntil: null }, 5, NOW)).toEqual({ failures: 4, locks: false, left: 1 });
    expect(nextFailure({ failedAttempts: 4, lockedUntil: null }, 5, NOW)).toEqual({ failures: 5, locks: true, left: 0 });
  });

  it('starts again from one after a lockout has run out', () => {
    expect(nextFailure({ failedAttempts: 0, lockedUntil: 1_000 }, 5, NOW)).toEqual({ failures: 1, locks: false, left: 4 });
    expect(nextFailure({ failedAttempts: 5, lockedUntil: 1_000 }, 5, NOW)).toEqual({ failures: 1, locks: false, left: 4 });
    // A lockout ending exactly now has run out.
    expect(nextFailure({ failedAttempts: 5, lockedUntil: NOW }, 5, NOW)).toEqual({ failures: 1, locks: false, left: 4 });
  });

  it('never resets the count of a lockout still in force, and keeps the account locked', () => {
    expect(nextFailure({ failedAttempts: 5, lockedUntil: NOW + 1 }, 5, NOW)).toEqual({ failures: 6, locks: true, left: 0 });
    expect(nextFailure({ failedAttempts: 4, lockedUntil: NOW + 30 * 60_000 }, 5, NOW)).toEqual({ failures: 5, locks: true, left: 0 });
    // Even a row whose count was cleared while it stayed locked does not unlock.
    expect(nextFailure({ failedAttempts: 0, lockedUntil: NOW + 30 * 60_000 }, 5, NOW)).toEqual({ failures: 1, locks: true, left: 0 });
  });
});

describe('lockInForce', () => {
  it('is true only before the lockout ends', () => {
    expect(lockInForce(null, NOW)).toBe(false);
    expect(lockInForce(NOW + 1, NOW)).toBe(true);
    expect(lockInForce(NOW, NOW)).toBe(false);
    expect(lockInForce(NOW - 1, NOW)).toBe(false);
  });
});

describe('lockedError', () => {
  it('says how many minutes are left, at least one', () => {
    expect(lockedError(30 * 60_000, 0).error).toMatchObject({ code: 'account-locked', message: expect.stringContaining('30 分钟') });
    expect(lockedError(1_000, 0).error.messageEn).toContain('in 1 minute or');
  });
});

describe('after one more wrong password', () => {
  it('records a failure where it happened, or the lockout it reached', () => {
    expect(wrongPasswordAction(false, 'login')).toBe('loginFailed');
    expect(wrongPasswordAction(false, 'passwordChange')).toBe('passwordChangeRefused');
    expect(wrongPasswordAction(true, 'login')).toBe('accountLocked');
    expect(wrongPasswordAction(true, 'passwordChange')).toBe('accountLocked');
  });

  it('tells the tries left where it happened, or the lockout', () => {
    expect(wrongPasswordRefusal({ left: 3, lockedUntil: null }, 0, 'login').error).toMatchObject({ code: 'unauthenticated', details: { attemptsLeft: 3 } });
    expect(wrongPasswordRefusal({ left: 2, lockedUntil: null }, 0, 'passwordChange').error).toMatchObject({
      code: 'validation',
      message: '当前密码不正确，还可尝试 2 次，之后账户将被锁定',
      details: { field: 'currentPassword', attemptsLeft: 2 },
    });
    expect(wrongPasswordRefusal({ left: 0, lockedUntil: 30 * 60_000 }, 0, 'passwordChange').error).toMatchObject({ code: 'account-locked' });
  });
});
