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

/** A wrong password at login, with the attempts left before the lockout. */
export const wrongLoginPassword = (attemptsLeft: number) =>
  fail('unauthenticated', `用户名或密码错误，还可尝试 ${attemptsLeft} 次`, `Wrong username or password; ${attemptsLeft} attempts left`, { attemptsLeft });

/**
 * One more wrong password for an account: at login, or as the current password when changing one's own (a
 * session left open must not become a way to try passwords without limit). Both count towards the same
 * lockout; a lockout that has run out starts the count again.
 */
export function nextFailure(account: { failedAttempts: number; lockedUntil: number | null }, maxAttempts: number): { failures: number; locks: boolean; left: number } {
  const failures = (account.lockedUntil !== null ? 0 : account.failedAttempts) + 1;
  return { failures, locks: failures >= maxAttempts, left: Math.max(0, maxAttempts - failures) };
}
