import { createHash, randomBytes } from 'node:crypto';
import { permissionsOf } from '../../../shared/auth/permissions';
import type { UserInfo } from '../../../shared/api/schemas';
import type { Actor } from '../../../shared/commands/types';
import { accountDisabled, lockedError, lockInForce, nextFailure, wrongPasswordAction, wrongPasswordRefusal, type WrongPasswordAt } from '../../../shared/auth/login-errors';
import { fail, ok, type Result } from '../../../shared/errors';
import type { AuditRepo } from '../audit/audit-repo';
import type { Db } from '../db/database';
import type { UserRepo, UserRow } from '../store/user-repo';
import { checkNewPassword } from '../../../shared/users/user-admin';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import type { NonCaseAuditAction } from '../../../shared/audit/audit-actions';

export const MAX_FAILED_ATTEMPTS = 5;

export interface AuthDeps {
  db: Db;
  users: UserRepo;
  audit: AuditRepo;
  now: () => number;
  idleTimeoutMinutes: number;
  lockoutMinutes: number;
}

export interface Session {
  tokenHash: string;
  user: UserRow;
  actor: Actor;
  info: UserInfo;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Login with lockout after 5 failures, sessions with an idle timeout. Every login outcome is audited
 * (without the password, and without saying to the caller whether the username exists).
 */
export class AuthService {
  private readonly insertSession;
  private readonly getSession;
  private readonly touchSession;
  private readonly endSession;
  private readonly endOtherSessions;
  private readonly endAllSessions;
  private readonly ownPasswordStmt;
  private readonly liveSessionStmt;

  constructor(private readonly deps: AuthDeps) {
    const { db } = deps;
    this.insertSession = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)');
    this.getSession = db.prepare<[string], { user_id: string; last_seen_at: number; ended: number }>(
      'SELECT user_id, last_seen_at, ended FROM sessions WHERE token_hash = ?',
    );
    this.touchSession = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?');
    this.endSession = db.prepare('UPDATE sessions SET ended = 1 WHERE token_hash = ?');
    this.endOtherSessions = db.prepare('UPDATE sessions SET ended = 1 WHERE user_id = ? AND token_hash <> ? AND ended = 0');
    this.endAllSessions = db.prepare('UPDATE sessions SET ended = 1 WHERE user_id = ? AND ended = 0');
    this.ownPasswordStmt = db.prepare('UPDATE users SET password_hash = ?, must_change_password = 0, failed_attempts = 0, locked_until = NULL WHERE id = ?');
    this.liveSessionStmt = db.prepare<[string, number], number>('SELECT 1 FROM sessions WHERE user_id = ? AND ended = 0 AND last_seen_at >= ? LIMIT 1').pluck();
  }

  /**
   * Whether the user has a session here that has not ended nor gone idle: one ended by the idle timeout is
   * only marked so when next used, and a closed window never uses it again.
   */
  hasLiveSession(userId: string): boolean {
    return this.liveSessionStmt.get(userId, this.deps.now() - this.deps.idleTimeoutMinutes * 60_000) !== undefined;
  }

  async login(username: string, password: string): Promise<Result<{ token: string; user: UserInfo; idleTimeoutMinutes: number }>> {
    const { users, now } = this.deps;
    const found = users.byUsername(username.trim());
    const canLogIn = !!found && found.active && found.passwordHash !== null;
    const passwordOk = await verifyPassword(password, canLogIn ? found.passwordHash! : DUMMY_HASH);
    const badCredentials = fail('unauthenticated', '用户名或密码错误', 'Wrong username or password');
    if (!found || !canLogIn) return badCredentials;

    // The row read above is stale by now: other logins may have failed (and locked the account) while this
    // one's scrypt ran. The lock is checked, the failure counted or the session issued, all in one
    // transaction against the row as it is now.
    const token = randomBytes(32).toString('base64url');
    return this.deps.db.transaction((): Result<{ token: string; user: UserInfo; idleTimeoutMinutes: number }> => {
      const t = now();
      const user = users.byId(found.id);
      // The password was checked against the hash read before; one set meanwhile (a reset) is not that one.
      if (!user || !user.active || user.passwordHash === null || user.passwordHash !== found.passwordHash) return badCredentials;
      if (lockInForce(user.lockedUntil, t)) {
        this.auditLogin(user, 'loginRefusedLocked', {});
        return lockedError(user.lockedUntil, t);
      }
      if (!passwordOk) return wrongPasswordRefusal(this.countFailure(user, t, 'login'), t, 'login');
      users.setFailures(user.id, 0, null);
      this.insertSession.run(hashToken(token), user.id, t, t);
      this.auditLogin(user, 'login', {});
      return ok({ token, user: userInfo(user), idleTimeoutMinutes: this.deps.idleTimeoutMinutes });
    })();
  }

  logout(session: Session): void {
    this.deps.db.transaction(() => {
      this.endSession.run(session.tokenHash);
      this.auditLogin(session.user, 'logout', {});
    })();
  }

  /**
   * Resolves a token to a live session and, unless `activity` is false (a call the UI makes on a timer),
   * keeps it alive; refuses ended and idle-expired sessions.
   */
  resolve(token: string | null, activity = true): Result<Session> {
    if (!token) return fail('unauthenticated', '请先登录', 'Please log in');
    const tokenHash = hashToken(token);
    const row = this.getSession.get(tokenHash);
    if (!row || row.ended) return fail('unauthenticated', '请先登录', 'Please log in');
    const t = this.deps.now();
    if (t - row.last_seen_at > this.deps.idleTimeoutMinutes * 60_000) {
      this.endSession.run(tokenHash);
      return fail('session-expired', '会话已超时，请重新登录', 'Your session has expired; please log in again');
    }
    const user = this.deps.users.byId(row.user_id);
    if (!user || !user.active) return accountDisabled();
    // Writing on every call would put a write on every read; a few seconds of slack is harmless.
    if (activity && t - row.last_seen_at > 5_000) this.touchSession.run(t, tokenHash);
    return ok({ tokenHash, user, actor: actorOf(user), info: userInfo(user) });
  }

  /**
   * The user's own new password, confirmed with the current one (standalone; with a central server it is
   * changed there first). The requirement to change an administrator's password is lifted and his other
   * sessions end.
   */
  async changePassword(session: Session, current: string, next: string): Promise<Result<Record<string, never>>> {
    const user = this.deps.users.byId(session.user.id);
    const t = this.deps.now();
    if (!user) return accountDisabled();
    // Locked by wrong passwords at the login screen: no password is checked until the lockout ends.
    if (lockInForce(user.lockedUntil, t)) return lockedError(user.lockedUntil, t);
    if (!user.passwordHash || !(await verifyPassword(current, user.passwordHash))) {
      return wrongPasswordRefusal(this.countFailure(user, this.deps.now(), 'passwordChange'), t, 'passwordChange');
    }
    const checked = checkNewPassword(current, next, user.username);
    if (!checked.ok) return checked;
    const hash = await hashPassword(next);
    // Wrong guesses in flight alongside this one may have locked the account meanwhile: that lockout stands.
    return this.deps.db.transaction((): Result<Record<string, never>> => {
      const at = this.deps.now();
      const latest = this.deps.users.byId(session.user.id);
      if (!latest) return accountDisabled();
      if (lockInForce(latest.lockedUntil, at)) return lockedError(latest.lockedUntil, at);
      this.setOwnPassword(session, hash);
      return ok({});
    })();
  }

  /** Writes the user's own new password (its hash), ending his other sessions, with its audit entry. */
  setOwnPassword(session: Session, passwordHash: string): void {
    this.deps.db.transaction(() => {
      this.ownPasswordStmt.run(passwordHash, session.user.id);
      this.endOtherSessions.run(session.user.id, session.tokenHash);
      this.auditLogin(session.user, 'passwordChanged', { byName: session.user.displayName });
    })();
  }

  /**
   * One more wrong password, in one transaction with its audit entry. A lockout reached while changing one's
   * own password also ends the account's sessions: whoever was trying passwords in an open session is out too.
   */
  private countFailure(user: UserRow, t: number, during: WrongPasswordAt): { left: number; lockedUntil: number | null } {
    return this.deps.db.transaction(() => {
      // Read again inside the transaction: another attempt may have failed (or locked the account) since.
      const current = this.deps.users.byId(user.id) ?? user;
      // Locked meanwhile: refused as locked, and the lockout and its count are left as they are.
      if (lockInForce(current.lockedUntil, t)) return { left: 0, lockedUntil: current.lockedUntil };
      const next = nextFailure(current, MAX_FAILED_ATTEMPTS, t);
      const lockedUntil = next.locks ? t + this.deps.lockoutMinutes * 60_000 : null;
      this.deps.users.setFailures(user.id, next.failures, lockedUntil);
      if (next.locks && during === 'passwordChange') this.endAllSessions.run(user.id);
      this.auditLogin(user, wrongPasswordAction(next.locks, during), { failures: next.failures, during });
      return { left: next.left, lockedUntil };
    })();
  }

  /** Whether the session is live, without counting the question as activity (the event stream asks it). */
  isValid(token: string): boolean {
    return this.resolve(token, false).ok;
  }

  private auditLogin(user: UserRow, action: NonCaseAuditAction, details: Record<string, unknown>): void {
    this.deps.db.transaction(() => {
      this.deps.audit.append({
        at: new Date(this.deps.now()).toISOString(),
        actorId: user.id,
        actorName: user.displayName,
        action,
        caseId: null,
        commandId: null,
        fromState: null,
        toState: null,
        details: JSON.stringify(details),
      });
    })();
  }
}


export function actorOf(u: UserRow): Actor {
  return { id: u.id, name: u.displayName, roles: u.roles, team: u.team };
}

export function userInfo(u: UserRow): UserInfo {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    permissions: permissionsOf(u.roles),
    team: u.team,
    mustChangePassword: u.mustChangePassword,
  };
}
