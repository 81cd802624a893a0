import { z } from 'zod';
import { ASSIGNABLE_ROLES, DISPLAY_NAME_MAX, PASSWORD_MAX, USERNAME_PATTERN } from '../users/user-admin';
import { BilingualText, Empty, Id, IsoTime, Role } from './schemas';

const Team = z.enum(['retail', 'corporate']).nullable();
const DisplayName = z.string().trim().min(1).max(DISPLAY_NAME_MAX);
const AssignedRoles = z.array(z.enum(ASSIGNABLE_ROLES)).min(1).max(ASSIGNABLE_ROLES.length);
/** Checked for strength by `checkPassword` (the message names the rule); here only bounded. */
const NewPassword = z.string().min(1).max(PASSWORD_MAX);

/** One account as the administrator's user page shows it (never a password hash). */
export const ManagedUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  team: Team,
  active: z.boolean(),
  /** Locked after repeated wrong passwords until this time (null: not locked). */
  lockedUntil: IsoTime.nullable(),
  /** The password was set by an administrator and not yet changed by its user. */
  mustChangePassword: z.boolean(),
  /** Raised by every edit; an edit names the version it started from. */
  version: z.number().int().min(1),
  /** The system user: shown, never edited. */
  system: z.boolean(),
});
export type ManagedUser = z.infer<typeof ManagedUser>;

export const ACCOUNT_EVENTS = ['userCreated', 'userUpdated', 'passwordReset', 'passwordChanged', 'userUnlocked', 'accountLocked'] as const;

/** One change to an account, as the page's history shows it (never a password). */
export const AccountEvent = z.object({
  at: IsoTime,
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  action: z.enum(ACCOUNT_EVENTS),
  /** The administrator who made the change (the user himself for his own new password); null for a lockout. */
  byName: z.string().nullable(),
  /** What an edit changed (`userUpdated`) or what an account was created with (`userCreated`). */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).nullable(),
  /** For a lockout: where the wrong passwords were given (at login, or as the current one in 修改密码). */
  lockedDuring: z.enum(['login', 'passwordChange']).nullable(),
});
export type AccountEvent = z.infer<typeof AccountEvent>;

/**
 * User administration (系统管理员: users, roles, teams). On a desktop synced with a central server the
 * accounts are the server's and every change is made there; a changed role, team or status ends the
 * account's sessions, so it takes effect at the next login.
 */
export const usersApi = {
  /** Every account; read-only (with the reason) for auditors and supervisors, who review them. */
  'users:list': {
    input: Empty,
    output: z.object({ users: z.array(ManagedUser), readOnly: BilingualText.nullable() }),
  },
  'users:create': {
    input: z.strictObject({
      username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN, '用户名为 3–32 位小写字母、数字或 . _ -，以字母开头 / a username has 3–32 small letters, digits or . _ -, starting with a letter'),
      displayName: DisplayName,
      roles: AssignedRoles,
      team: Team,
      password: NewPassword,
    }),
    output: z.object({ id: Id }),
  },
  'users:update': {
    input: z.strictObject({
      id: Id,
      basedOnVersion: z.number().int().min(1),
      displayName: DisplayName,
      roles: AssignedRoles,
      team: Team,
      active: z.boolean(),
    }),
    output: z.object({ version: z.number().int() }),
  },
  /** Sets a new password (the user is told it by the administrator) and lifts a lockout; sessions end. */
  'users:resetPassword': {
    input: z.strictObject({ id: Id, password: NewPassword }),
    output: Empty,
  },
  /** Lifts a lockout after repeated wrong passwords, the password unchanged. */
  'users:unlock': { input: z.strictObject({ id: Id }), output: Empty },
  /**
   * Changes to accounts, newest first (who gave whom which role), for the same readers as the list: of every
   * account or of one (`userId`), a page at a time — `before` is the `older` cursor of the page before.
   */
  'users:history': {
    input: z.strictObject({
      limit: z.number().int().min(1).max(500).default(200),
      userId: Id.optional(),
      before: z.number().int().min(1).optional(),
    }),
    output: z.object({
      events: z.array(AccountEvent),
      /** Where the next (older) page starts; null when this page reaches the first change. */
      older: z.number().int().min(1).nullable(),
    }),
  },
} as const;
