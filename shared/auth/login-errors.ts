import { fail } from '../errors';

/** The refusal of a locked account (also the central server's, so both say the same). */
export function lockedError(until: number, now: number) {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
  return fail(
    'account-locked',
    `密码错误次数过多，账户已锁定，请 ${minutes} 分钟后重试或联系管理员解锁`,
    `Too many failed attempts; the account is locked. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} or ask an administrator`,
    { lockedUntil: new Date(until).toISOString() },
  );
}

/** The refusal of a disabled account's session (also the central server's). */
export const accountDisabled = () => fail('unauthenticated', '账户已停用', 'The account is disabled');

/** Where a wrong password was given: at login, or as the current password when changing one's own. */
export type WrongPasswordAt = 'login' | 'passwordChange';

/** A wrong password at login, with the attempts left before the lockout. */
export const wrongLoginPassword = (attemptsLeft: number) =>
  fail('unauthenticated', `用户名或密码错误，还可尝试 ${attemptsLeft} 次`, `Wrong username or password; ${attemptsLeft} attempts left`, { attemptsLeft });

/** A wrong current password when changing one's own, with the attempts left before the lockout. */
export const wrongCurrentPassword = (attemptsLeft: number) =>
  fail(
    'validation',
    `当前密码不正确，还可尝试 ${attemptsLeft} 次，之后账户将被锁定`,
    `The current password is wrong; ${attemptsLeft} attempts left before the account is locked`,
    { field: 'currentPassword', attemptsLeft },
  );

/** Whether a lockout is still in force at `now` (one that has run out no longer refuses anything). */
export const lockInForce = (lockedUntil: number | null, now: number): lockedUntil is number => lockedUntil !== null && lockedUntil > now;

/**
 * One more wrong password for an account: at login, or as the current password when changing one's own (a
 * session left open must not become a way to try passwords without limit). Both count towards the same
 * lockout; only a lockout that has run out by `now` starts the count again. A failure while a lockout is still
 * in force keeps counting and keeps the account locked (never a way to lift the lock).
 */
export function nextFailure(
  account: { failedAttempts: number; lockedUntil: number | null },
  maxAttempts: number,
  now: number,
): { failures: number; locks: boolean; left: number } {
  const stillLocked = lockInForce(account.lockedUntil, now);
  const expired = account.lockedUntil !== null && !stillLocked;
  const failures = (expired ? 0 : account.failedAttempts) + 1;
  const locks = stillLocked || failures >= maxAttempts;
  return { failures, locks, left: locks ? 0 : Math.max(0, maxAttempts - failures) };
}

/** The audit action that records one more wrong password. */
export const wrongPasswordAction = (locks: boolean, at: WrongPasswordAt) => (locks ? 'accountLocked' : at === 'login' ? 'loginFailed' : 'passwordChangeRefused');

/** What the caller is told after one more wrong password: the lockout it reached, or the tries left. */
export function wrongPasswordRefusal(failed: { left: number; lockedUntil: number | null }, now: number, at: WrongPasswordAt) {
  if (failed.lockedUntil !== null) return lockedError(failed.lockedUntil, now);
  return at === 'login' ? wrongLoginPassword(failed.left) : wrongCurrentPassword(failed.left);
}
