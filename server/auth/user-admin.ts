import type { z } from 'zod';
import { ACCOUNT_EVENTS, type AccountEvent, type ManagedUser, type usersApi } from '../../shared/api/users-api';
import { SYSTEM_USER } from '../../shared/auth/system-user';
import type { CreateUserRequest } from '../../shared/sync/protocol';
import { ok, type Result } from '../../shared/errors';
import {
  accountChanges,
  accountEventView,
  checkAccountEdit,
  checkPassword,
  checkRoles,
  historyPage,
  lockoutShown,
  otherActiveAdmins,
  systemUserHasNoPassword,
  userMoved,
  usernameTaken,
  userNotFound,
} from '../../shared/users/user-admin';
import { hashPassword } from '../../electron/host/auth/password';
import type { ServerConfig } from '../config';
import { PG_UNIQUE_VIOLATION, pgErrorCode, type CentralDb, type Tx } from '../db/central-db';
import { recordAuthEvent } from './auth-events';
import type { ServerSession } from './central-auth';
import { accountOf, USER_COLUMNS, type UserRow } from './user-rows';

type Input<C extends keyof typeof usersApi> = z.output<(typeof usersApi)[C]['input']>;

interface AdminRow extends UserRow {
  locked_until: number | string | null;
  version: number;
}

const ADMIN_COLUMNS = `${USER_COLUMNS}, locked_until, version`;

const managedUserOf = (u: AdminRow, now: number): ManagedUser => {
  return {
    ...accountOf(u),
    lockedUntil: lockoutShown(u.locked_until === null ? null : Number(u.locked_until), now),
    mustChangePassword: u.must_change_password,
    version: u.version,
    system: u.id === SYSTEM_USER.id,
  };
};

/**
 * The administrator's changes to accounts, each in one transaction with its record in `auth_events`
 * (who changed what; never a password). A changed role, team or status, and a new password, revoke the
 * account's sessions: the server reads the session row on every request, so the next request of that
 * user on any desktop is refused and he logs in again with what he now holds.
 */
export class UserAdmin {
  constructor(
    private readonly db: CentralDb,
    private readonly config: ServerConfig,
  ) {}

  async list(): Promise<ManagedUser[]> {
    const rows = await this.db.query<AdminRow>(`SELECT ${ADMIN_COLUMNS} FROM users ORDER BY username`);
    const now = this.config.now();
    return rows.map((r) => managedUserOf(r, now));
  }

  /** A new account under the id the desktop chose; the same request again answers the first time's id. */
  async create(editor: ServerSession, input: CreateUserRequest): Promise<Result<{ id: string }>> {
    const roles = checkRoles(input.roles);
    if (!roles.ok) return roles;
    const password = checkPassword(input.password, input.username);
    if (!password.ok) return password;
    const { id } = input;
    const hash = await hashPassword(input.password);
    const now = this.config.now();
    try {
      await this.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO users (id, username, display_name, roles, team, password_hash, created_at, password_changed_at, must_change_password)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true)`,
          [id, input.username, input.displayName, JSON.stringify(input.roles), input.team, hash, new Date(now).toISOString(), now],
        );
        await this.record(tx, editor, id, 'userCreated', {
          username: input.username,
          displayName: input.displayName,
          roles: input.roles,
          team: input.team,
        });
      });
    } catch (e) {
      if (pgErrorCode(e) !== PG_UNIQUE_VIOLATION) throw e;
      const [same] = await this.db.query<{ username: string }>('SELECT username FROM users WHERE id = $1', [id]);
      return same?.username === input.username ? ok({ id }) : usernameTaken(input.username);
    }
    return ok({ id });
  }

  async update(editor: ServerSession, input: Input<'users:update'>): Promise<Result<{ version: number }>> {
    return this.db.transaction(async (tx): Promise<Result<{ version: number }>> => {
      // Every active administrator's row and this one's, locked in one order: two administrators
      // disabling each other at once are decided one after the other, so one always remains.
      const rows = await tx.query<AdminRow>(
        `SELECT ${ADMIN_COLUMNS} FROM users WHERE id = $1 OR (active AND roles ? 'admin') ORDER BY id FOR UPDATE`,
        [input.id],
      );
      const before = rows.find((r) => r.id === input.id);
      if (!before) return userNotFound();
      if (before.version !== input.basedOnVersion) return userMoved();
      const checked = checkAccountEdit(editor.user.id, before, input, otherActiveAdmins(rows, input.id));
      if (!checked.ok) return checked;
      const { changes, endsSessions } = accountChanges({ ...before, displayName: before.display_name }, input);
      if (Object.keys(changes).length === 0) return ok({ version: before.version });
      const version = before.version + 1;
      await tx.query('UPDATE users SET display_name = $2, roles = $3, team = $4, active = $5, version = $6 WHERE id = $1', [
        input.id,
        input.displayName,
        JSON.stringify(input.roles),
        input.team,
        input.active,
        version,
      ]);
      if (endsSessions) await this.endSessions(tx, input.id);
      await this.record(tx, editor, input.id, 'userUpdated', { changes, sessionsEnded: endsSessions });
      return ok({ version });
    });
  }

  async resetPassword(editor: ServerSession, input: Input<'users:resetPassword'>): Promise<Result<Record<string, never>>> {
    const [user] = await this.db.query<AdminRow>(`SELECT ${ADMIN_COLUMNS} FROM users WHERE id = $1`, [input.id]);
    if (!user) return userNotFound();
    if (user.id === SYSTEM_USER.id) return systemUserHasNoPassword();
    const password = checkPassword(input.password, user.username);
    if (!password.ok) return password;
    const hash = await hashPassword(input.password);
    const now = this.config.now();
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE users SET password_hash = $2, failed_attempts = 0, locked_until = NULL, password_changed_at = $3, must_change_password = true,
           version = version + 1 WHERE id = $1`,
        [user.id, hash, now],
      );
      await this.endSessions(tx, user.id);
      await this.record(tx, editor, user.id, 'passwordReset', { sessionsEnded: true });
    });
    return ok({});
  }

  async unlock(editor: ServerSession, input: Input<'users:unlock'>): Promise<Result<Record<string, never>>> {
    return this.db.transaction(async (tx): Promise<Result<Record<string, never>>> => {
      const [user] = await tx.query<AdminRow>(`SELECT ${ADMIN_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [input.id]);
      if (!user) return userNotFound();
      await tx.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [user.id]);
      await this.record(tx, editor, user.id, 'userUnlocked', {});
      return ok({});
    });
  }

  async history(query: Input<'users:history'>): Promise<{ events: AccountEvent[]; older: number | null }> {
    const rows = await this.db.query<{ id: number; at: string; user_id: string; username: string | null; display_name: string | null; action: AccountEvent['action']; details: Record<string, unknown> }>(
      `SELECT e.id, e.at, e.user_id, u.username, u.display_name, e.action, e.details
         FROM auth_events e LEFT JOIN users u ON u.id = e.user_id
        WHERE e.action = ANY($1) AND ($3::text IS NULL OR e.user_id = $3) AND ($4::bigint IS NULL OR e.id < $4)
        ORDER BY e.id DESC LIMIT $2`,
      [ACCOUNT_EVENTS, query.limit + 1, query.userId ?? null, query.before ?? null],
    );
    return historyPage(rows.map((r) => ({ ...r, ...accountEventView(r.action, r.details) })), query.limit);
  }

  private async endSessions(tx: Tx, userId: string): Promise<void> {
    await tx.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, this.config.now()]);
  }

  /** One `auth_events` row about the account changed, naming the administrator who changed it. */
  private async record(tx: Tx, editor: ServerSession, userId: string, action: string, details: Record<string, unknown>): Promise<void> {
    await recordAuthEvent(tx, { at: this.config.now(), userId, action, details: { ...details, by: editor.user.id, byName: editor.user.display_name } });
  }
}
