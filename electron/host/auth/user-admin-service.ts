import type { ApiParsedInput } from '../../../shared/api/contract';
import { ACCOUNT_EVENTS, type AccountEvent, type ManagedUser } from '../../../shared/api/users-api';
import type { Role } from '../../../shared/auth/roles';
import { SYSTEM_USER } from '../../../shared/auth/system-user';
import { ok, type Result } from '../../../shared/errors';
import type { Team } from '../../../shared/products/catalog';
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
} from '../../../shared/users/user-admin';
import type { AuditRepo } from '../audit/audit-repo';
import type { Db } from '../db/database';
import { newAccountId } from './account-id';
import type { Session } from './auth-service';
import { hashPassword } from './password';
import type { NonCaseAuditAction } from '../../../shared/audit/audit-actions';

interface Raw {
  id: string;
  username: string;
  display_name: string;
  roles: string;
  team: Team | null;
  active: number;
  locked_until: number | null;
  must_change_password: number;
  version: number;
}

interface Account {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  team: Team | null;
  active: boolean;
  lockedUntil: number | null;
  mustChangePassword: boolean;
  version: number;
}

const toAccount = (r: Raw): Account => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  roles: JSON.parse(r.roles) as Role[],
  team: r.team,
  active: r.active === 1,
  lockedUntil: r.locked_until,
  mustChangePassword: r.must_change_password === 1,
  version: r.version,
});

const COLUMNS = 'id, username, display_name, roles, team, active, locked_until, must_change_password, version';

/**
 * User administration on a standalone desktop, whose accounts are its own (a synced desktop's are the
 * central server's: sync/central-users.ts). The rules are shared with the server; each change is one
 * transaction with its audit entry, and a changed role, team, status or password ends the account's sessions.
 */
export class UserAdminService {
  private readonly allStmt;
  private readonly byIdStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly passwordStmt;
  private readonly unlockStmt;
  private readonly endSessionsStmt;
  private readonly historyStmt;

  constructor(private readonly deps: { db: Db; audit: AuditRepo; now: () => number }) {
    const { db } = deps;
    this.allStmt = db.prepare<[], Raw>(`SELECT ${COLUMNS} FROM users ORDER BY username`);
    this.byIdStmt = db.prepare<[string], Raw>(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
    this.insertStmt = db.prepare(
      `INSERT INTO users (id, username, display_name, roles, team, password_hash, active, created_at, must_change_password)
       VALUES (@id, @username, @displayName, @roles, @team, @passwordHash, 1, @createdAt, 1)`,
    );
    this.updateStmt = db.prepare('UPDATE users SET display_name = ?, roles = ?, team = ?, active = ?, version = version + 1 WHERE id = ?');
    this.passwordStmt = db.prepare(
      'UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL, must_change_password = 1, version = version + 1 WHERE id = ?',
    );
    this.unlockStmt = db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?');
    this.endSessionsStmt = db.prepare('UPDATE sessions SET ended = 1 WHERE user_id = ? AND ended = 0');
    // The account is named in an administrator's entry (details.userId); a lockout's actor is the account.
    this.historyStmt = db.prepare<
      { limit: number; userId: string | null; before: number | null },
      { seq: number; at: string; user_id: string; username: string | null; display_name: string | null; actor_name: string; action: AccountEvent['action']; details: string }
    >(
      `WITH e AS (
         SELECT seq, at, coalesce(json_extract(details, '$.userId'), actor_id) AS user_id, actor_name, action, details FROM audit
          WHERE case_id IS NULL AND action IN (${ACCOUNT_EVENTS.map((x) => `'${x}'`).join(', ')}) AND (@before IS NULL OR seq < @before)
       )
       SELECT e.seq, e.at, e.user_id, u.username, u.display_name, e.actor_name, e.action, e.details
         FROM e LEFT JOIN users u ON u.id = e.user_id WHERE @userId IS NULL OR e.user_id = @userId ORDER BY e.seq DESC LIMIT @limit`,
    );
  }

  list(): ManagedUser[] {
    const now = this.deps.now();
    return this.allStmt.all().map((r) => {
      const a = toAccount(r);
      return { ...a, lockedUntil: lockoutShown(a.lockedUntil, now), system: a.id === SYSTEM_USER.id };
    });
  }

  async create(editor: Session, input: ApiParsedInput<'users:create'>): Promise<Result<{ id: string }>> {
    const roles = checkRoles(input.roles);
    if (!roles.ok) return roles;
    const password = checkPassword(input.password, input.username);
    if (!password.ok) return password;
    const passwordHash = await hashPassword(input.password);
    const id = newAccountId();
    try {
      this.deps.db.transaction(() => {
        this.insertStmt.run({
          id,
          username: input.username,
          displayName: input.displayName,
          roles: JSON.stringify(input.roles),
          team: input.team,
          passwordHash,
          createdAt: new Date(this.deps.now()).toISOString(),
        });
        this.record(editor, id, 'userCreated', { username: input.username, displayName: input.displayName, roles: input.roles, team: input.team });
      })();
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return usernameTaken(input.username);
      throw e;
    }
    return ok({ id });
  }

  update(editor: Session, input: ApiParsedInput<'users:update'>): Result<{ version: number }> {
    // better-sqlite3 runs one transaction at a time: the admin count read here cannot change before the write.
    return this.deps.db.transaction((): Result<{ version: number }> => {
      const row = this.byIdStmt.get(input.id);
      if (!row) return userNotFound();
      const before = toAccount(row);
      if (before.version !== input.basedOnVersion) return userMoved();
      const checked = checkAccountEdit(editor.user.id, before, input, otherActiveAdmins(this.allStmt.all().map(toAccount), before.id));
      if (!checked.ok) return checked;
      const { changes, endsSessions } = accountChanges(before, input);
      if (Object.keys(changes).length === 0) return ok({ version: before.version });
      this.updateStmt.run(input.displayName, JSON.stringify(input.roles), input.team, input.active ? 1 : 0, input.id);
      if (endsSessions) this.endSessionsStmt.run(input.id);
      this.record(editor, input.id, 'userUpdated', { changes, sessionsEnded: endsSessions });
      return ok({ version: before.version + 1 });
    })();
  }

  async resetPassword(editor: Session, input: ApiParsedInput<'users:resetPassword'>): Promise<Result<Record<string, never>>> {
    const row = this.byIdStmt.get(input.id);
    if (!row) return userNotFound();
    if (row.id === SYSTEM_USER.id) return systemUserHasNoPassword();
    const password = checkPassword(input.password, row.username);
    if (!password.ok) return password;
    const hash = await hashPassword(input.password);
    this.deps.db.transaction(() => {
      this.passwordStmt.run(hash, row.id);
      this.endSessionsStmt.run(row.id);
      this.record(editor, row.id, 'passwordReset', { sessionsEnded: true });
    })();
    return ok({});
  }

  unlock(editor: Session, input: ApiParsedInput<'users:unlock'>): Result<Record<string, never>> {
    const row = this.byIdStmt.get(input.id);
    if (!row) return userNotFound();
    this.deps.db.transaction(() => {
      this.unlockStmt.run(row.id);
      this.record(editor, row.id, 'userUnlocked', {});
    })();
    return ok({});
  }

  /** Account changes from the audit chain (and lockouts, whose actor is the account itself), newest first. */
  history(query: ApiParsedInput<'users:history'>): { events: AccountEvent[]; older: number | null } {
    const rows = this.historyStmt.all({ limit: query.limit + 1, userId: query.userId ?? null, before: query.before ?? null });
    return historyPage(
      rows.map((r) => ({
        ...r,
        id: r.seq,
        ...accountEventView(r.action, JSON.parse(r.details) as Record<string, unknown>),
        // The desktop's audit names the actor in its own column (a lockout's actor is the account itself).
        byName: r.action === 'accountLocked' ? null : r.actor_name,
      })),
      query.limit,
    );
  }

  /** The audit entry of an account change: the administrator acts, the account is named in the details. */
  private record(editor: Session, userId: string, action: NonCaseAuditAction, details: Record<string, unknown>): void {
    this.deps.audit.append({
      at: new Date(this.deps.now()).toISOString(),
      actorId: editor.actor.id,
      actorName: editor.actor.name,
      action,
      caseId: null,
      commandId: null,
      fromState: null,
      toState: null,
      details: JSON.stringify({ userId, ...details }),
    });
  }
}
