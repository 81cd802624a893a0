import { fail } from '../errors';

/** The refusal of a locked account (also the central server's, so both say the same). */
export function lockedError(until: number, now: number) {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
  return fail(
    'account-locked',
    `密码错误次数过多，账户已锁定，请 ${minutes} 分钟后重试或联系管理员解锁`,
    `Too many failed attempts; the account is locked. Try again in ${minutes} minutes or ask an administrator`,
    { lockedUntil: new Date(until).toISOString() },
  );
}
