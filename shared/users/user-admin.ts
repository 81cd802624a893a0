import { fail, ok, type Result } from '../errors';
import type { Permission } from '../auth/permissions';
import { ROLE_LABELS, type Role } from '../auth/roles';
import { SYSTEM_USER } from '../auth/system-user';
import type { AccountEvent } from '../api/users-api';

/**
 * The administrator's rules for user accounts (DESIGN §1: users, roles, teams), checked the same way on a
 * standalone desktop and on the central server.
 */

/** Roles an administrator may give: `system` belongs to the system user alone. */
export const ASSIGNABLE_ROLES = ['clerk', 'officer', 'senior_officer', 'supervisor', 'admin', 'auditor'] as const satisfies readonly Role[];

/**
 * Who grants rights does not use them: an administrator who could also check documents or approve could give
 * himself any authority and act on it. The auditor watches everyone, so he acts on no case either.
 */
const CASE_WORK_ROLES: readonly Role[] = ['clerk', 'officer', 'senior_officer'];
const EXCLUSIVE: readonly [Role, readonly Role[]][] = [
  ['admin', CASE_WORK_ROLES],
  ['auditor', [...CASE_WORK_ROLES, 'admin']],
];

export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const mayManageUsers = (permissions: readonly Permission[]) => permissions.includes('admin.manage');

/**
 * Administrators change accounts; those who read the audit trail (auditors, supervisors) review them — who
 * holds which role, and every change — read-only.
 */
export const mayReviewAccounts = (permissions: readonly Permission[]) => permissions.includes('admin.manage') || permissions.includes('audit.view');

export const reviewRefused = () =>
  fail('forbidden', '仅系统管理员、审计员和主管可查看用户账户', 'Only administrators, auditors and supervisors see the accounts');

/** Why the user page is read-only for this user (shown on it), or null if he may change accounts. */
export const accountsReadOnly = (permissions: readonly Permission[]) =>
  mayManageUsers(permissions) ? null : { message: '仅系统管理员可修改用户账户', messageEn: 'Only an administrator changes accounts' };

/** The longest display name an account may have. */
export const DISPLAY_NAME_MAX = 40;

export const usersRefused = () => fail('forbidden', '仅系统管理员可管理用户', 'Only an administrator manages users');

export const userNotFound = () => fail('not-found', '该用户不存在', 'No such user');

export const usernameTaken = (username: string) =>
  fail('conflict', `用户名 ${username} 已被使用`, `The username ${username} is taken`, { field: 'username' });

export const systemUserHasNoPassword = () =>
  fail('forbidden', '系统用户不能登录，没有密码', 'The system user cannot log in and has no password');

/** A lockout as the user list shows it: its end while it lasts (ISO), else null. */
export const lockoutShown = (lockedUntil: number | null, now: number): string | null =>
  lockedUntil !== null && lockedUntil > now ? new Date(lockedUntil).toISOString() : null;

export const userMoved = () =>
  fail('conflict', '该用户已被他人修改，请刷新后再改', 'Someone changed this user meanwhile; reload and edit again');

/** A password, set by an administrator or by its user: long enough, of three kinds of character, not the username. */
export function checkPassword(password: string, username: string): Result<void> {
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (password.length < PASSWORD_MIN || kinds < 3) {
    return fail(
      'validation',
      `密码至少 ${PASSWORD_MIN} 位，并含大写字母、小写字母、数字、符号中的三类`,
      `A password has at least ${PASSWORD_MIN} characters of three kinds: capitals, small letters, digits, symbols`,
      { field: 'password' },
    );
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return fail('validation', '密码不能包含用户名', 'A password must not contain the username', { field: 'password' });
  }
  return ok(undefined);
}

/** A new password of one's own: strong enough, and not the one it replaces. */
export function checkNewPassword(current: string, next: string, username: string): Result<void> {
  if (current === next) return fail('validation', '新密码不能与当前密码相同', 'The new password must differ from the current one', { field: 'newPassword' });
  const strength = checkPassword(next, username);
  return strength.ok ? strength : { ok: false, error: { ...strength.error, details: { field: 'newPassword' } } };
}

/** Refusal of anything but changing the password (and logging out) while an administrator's password stands. */
export const changePasswordFirst = () =>
  fail('forbidden', '请先修改管理员设置的初始密码', 'Change the password an administrator set before anything else', { mustChangePassword: true });

const withArticle = (label: string) => `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label.toLowerCase()}`;

/** Roles: at least one, each assignable, none twice, no two that must stay apart. */
export function checkRoles(roles: readonly Role[]): Result<void> {
  if (roles.length === 0) return fail('validation', '至少选择一个角色', 'Choose at least one role', { field: 'roles' });
  if (new Set(roles).size !== roles.length) return fail('validation', '角色重复', 'A role is named twice', { field: 'roles' });
  if (roles.some((r) => !(ASSIGNABLE_ROLES as readonly Role[]).includes(r))) {
    return fail('validation', '“系统”角色不能分配给用户', 'The system role cannot be given to a user', { field: 'roles' });
  }
  for (const [role, apart] of EXCLUSIVE) {
    const clash = roles.includes(role) ? roles.find((r) => apart.includes(r)) : undefined;
    if (clash) {
      const [a, b] = [ROLE_LABELS[role], ROLE_LABELS[clash]];
      return fail('sod-violation', `岗位分离：${a.zh}不能同时担任${b.zh}`, `Segregation of duties: ${withArticle(a.en)} cannot also be ${withArticle(b.en)}`, {
        field: 'roles',
        roles: [role, clash],
      });
    }
  }
  return ok(undefined);
}

export interface AccountState {
  id: string;
  roles: readonly Role[];
  active: boolean;
}

/** Active administrators among `accounts` besides the account `id` (what `checkAccountEdit` needs). */
export const otherActiveAdmins = (accounts: readonly AccountState[], id: string): number =>
  accounts.filter((u) => u.id !== id && u.active && u.roles.includes('admin')).length;

/**
 * An edit of an existing account by `editorId`: the system user is not edited here, and an administrator
 * neither disables himself nor drops his own admin role (the bank would be left without one, or with one
 * locked out of the page that could undo it). `otherActiveAdmins` counts active administrators besides this
 * account, so the last one can never be removed by anyone.
 */
export function checkAccountEdit(editorId: string, before: AccountState, after: Omit<AccountState, 'id'>, otherActiveAdmins: number): Result<void> {
  if (before.id === SYSTEM_USER.id) return fail('forbidden', '系统用户不能修改', 'The system user cannot be changed');
  const roles = checkRoles(after.roles);
  if (!roles.ok) return roles;
  const staysAdmin = after.active && after.roles.includes('admin');
  const wasAdmin = before.active && before.roles.includes('admin');
  if (wasAdmin && !staysAdmin) {
    if (before.id === editorId) {
      return fail('forbidden', '不能停用自己或撤销自己的管理员角色', 'You cannot disable yourself or remove your own admin role');
    }
    if (otherActiveAdmins === 0) {
      return fail('forbidden', '须保留至少一名在用的系统管理员', 'At least one active administrator must remain');
    }
  }
  return ok(undefined);
}

/**
 * What an edit changes, for the audit entry and for deciding whether the account's sessions end: a changed
 * role, team or status takes effect at the next login, so every session of the account is ended at once.
 */
export interface AccountFields {
  displayName: string;
  roles: readonly Role[];
  team: string | null;
  active: boolean;
}

export function accountChanges(
  before: AccountFields,
  after: AccountFields,
): { changes: Record<string, { from: unknown; to: unknown }>; endsSessions: boolean } {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const sameRoles = [...before.roles].sort().join() === [...after.roles].sort().join();
  if (before.displayName !== after.displayName) changes.displayName = { from: before.displayName, to: after.displayName };
  if (!sameRoles) changes.roles = { from: before.roles, to: after.roles };
  if (before.team !== after.team) changes.team = { from: before.team, to: after.team };
  if (before.active !== after.active) changes.active = { from: before.active, to: after.active };
  return { changes, endsSessions: 'roles' in changes || 'team' in changes || 'active' in changes };
}

type Changes = Record<string, { from: unknown; to: unknown }>;

type EventView = Pick<AccountEvent, 'changes' | 'byName' | 'lockedDuring'>;

/**
 * An account event's stored details (server `auth_events`, desktop audit), as the history shows them: what
 * an edit changed, or what an account was created with; who made the change; where a lockout's wrong
 * passwords were given (a lockout recorded before the password change counted had only the login's).
 */
export function accountEventView(action: string, details: Record<string, unknown>): EventView {
  const byName = typeof details.byName === 'string' ? details.byName : null;
  if (action === 'userUpdated') return { changes: (details.changes as Changes | undefined) ?? null, byName, lockedDuring: null };
  if (action === 'userCreated') {
    const changes: Changes = {};
    for (const key of ['displayName', 'roles', 'team'] as const) if (key in details) changes[key] = { from: null, to: details[key] };
    return { changes, byName, lockedDuring: null };
  }
  if (action === 'accountLocked') return { changes: null, byName, lockedDuring: details.during === 'passwordChange' ? 'passwordChange' : 'login' };
  return { changes: null, byName, lockedDuring: null };
}

/** An account event as both stores read it: its position, the account (gone: its id) and how it is shown. */
export interface AccountEventRow extends EventView {
  id: number;
  at: string;
  user_id: string;
  username: string | null;
  display_name: string | null;
  action: AccountEvent['action'];
}

/**
 * One page of the account history from rows read newest first, one more than `limit`: that extra row only
 * tells whether older ones exist, and the page's last row is where the next page starts.
 */
export function historyPage(rows: readonly AccountEventRow[], limit: number): { events: AccountEvent[]; older: number | null } {
  const page = rows.slice(0, limit);
  return {
    events: page.map((r) => ({
      at: r.at,
      userId: r.user_id,
      username: r.username ?? r.user_id,
      displayName: r.display_name ?? r.user_id,
      action: r.action,
      changes: r.changes,
      byName: r.byName,
      lockedDuring: r.lockedDuring,
    })),
    older: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}
