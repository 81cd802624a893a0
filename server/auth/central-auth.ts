import { randomBytes } from 'node:crypto';
import type { UserInfo } from '../../shared/api/schemas';
import type { Actor } from '../../shared/commands/types';
import { fail, ok, type Result } from '../../shared/errors';
import { accountDisabled, lockedError, lockInForce, nextFailure, wrongPasswordAction, wrongPasswordRefusal, type WrongPasswordAt } from '../../shared/auth/login-errors';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../electron/host/auth/password';
import { changePasswordFirst, checkNewPassword } from '../../shared/users/user-admin';
import type { ServerConfig } from '../config';
import type { CentralDb, Row, Tx } from '../db/central-db';
import { lit } from '../db/sql-literal';
import { execute, STATEMENTS } from '../db/statements';
import { recordAuthEvent } from './auth-events';
import { issueToken, verifyToken, type TokenClaims } from './token';
import { actorOf, USER_COLUMNS, userInfoOf, type UserRow } from './user-rows';

/** Who is calling: resolved from the bearer token and the session row on every request, never from the body. */
export interface ServerSession {
  sessionId: string;
  user: UserRow;
  actor: Actor;
  info: UserInfo;
}

interface LoginRow extends UserRow {
  password_hash: string | null;
  failed_attempts: number;
  locked_until: number | null;
}

const badCredentials = () => fail('unauthenticated', '用户名或密码错误', 'Wrong username or password');
const pleaseLogIn = () => fail('unauthenticated', '请先登录', 'Please log in');

/** Tokens whose signature was checked, remembered so a busy clerk's every request is not another HMAC. */
const VERIFIED_TOKENS_KEPT = 4096;

/**
 * Login against the users table (scrypt, lockout after repeated failures, every outcome recorded) and
 * session tokens. Stateless: the counters and sessions are rows, so any instance can answer any request.
 */
export class CentralAuth {
  /** Token → its claims, for tokens this instance has verified; expiry is still checked on every use. */
  private readonly verified = new Map<string, TokenClaims>();

  constructor(
    private readonly db: CentralDb,
    private readonly config: ServerConfig,
    private readonly secret: Buffer,
  ) {}

  async login(username: string, password: string, deviceId: string | null): Promise<Result<{ token: string; expiresAt: string; user: UserInfo }>> {
    const [found] = await this.db.query<LoginRow>(
      `SELECT ${USER_COLUMNS}, password_hash, failed_attempts, locked_until FROM users WHERE lower(username) = lower($1)`,
      [username.trim()],
    );
    const canLogIn = !!found && found.active && found.password_hash !== null;
    // The same scrypt work whether or not the user exists, so timing does not tell.
    const passwordOk = await verifyPassword(password, canLogIn ? found.password_hash! : DUMMY_HASH);
    if (!found || !canLogIn) return badCredentials();

    // The row read above is stale by now: other logins (on this instance or another) may have failed, and
    // locked the account, while this one's scrypt ran. The lock is checked, the failure counted or the
    // session issued in one transaction, under the row lock, against the row as it is now.
    const sessionId = randomBytes(18).toString('base64url');
    const outcome = await this.db.transaction(async (tx): Promise<Result<{ user: LoginRow; expiresAt: number }>> => {
      const [user] = await tx.query<LoginRow>(`SELECT ${USER_COLUMNS}, password_hash, failed_attempts, locked_until FROM users WHERE id = $1 FOR UPDATE`, [found.id]);
      // The password was checked against the hash read before; one set meanwhile (a reset) is not that one.
      if (!user || !user.active || user.password_hash === null || user.password_hash !== found.password_hash) return badCredentials();
      const now = this.config.now();
      if (lockInForce(user.locked_until, now)) {
        await recordAuthEvent(tx, { at: now, userId: user.id, action: 'loginRefusedLocked', deviceId });
        return lockedError(user.locked_until, now);
      }
      if (!passwordOk) return wrongPasswordRefusal(await this.recordFailure(tx, user, deviceId, now, 'login'), now, 'login');
      const expiresAt = now + this.config.tokenTtlMs;
      await tx.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [user.id]);
      await tx.query('INSERT INTO sessions (id, user_id, device_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        sessionId,
        user.id,
        deviceId,
        now,
        expiresAt,
      ]);
      await recordAuthEvent(tx, { at: now, userId: user.id, action: 'login', deviceId });
      return ok({ user, expiresAt });
    });
    if (!outcome.ok) return outcome;
    const { user, expiresAt } = outcome.value;
    const token = issueToken(this.secret, { sid: sessionId, uid: user.id, exp: expiresAt });
    return ok({ token, expiresAt: new Date(expiresAt).toISOString(), user: userInfoOf(user) });
  }

  /**
   * One more wrong password, counted under the row lock (two instances failing the same user at once both
   * count). A lockout reached while changing one's own password also ends the account's sessions: whoever
   * was trying passwords in an open session is out too.
   */
  private async countFailure(userId: string, deviceId: string | null, now: number, during: WrongPasswordAt) {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string; failed_attempts: number; locked_until: number | null }>(
        'SELECT id, failed_attempts, locked_until FROM users WHERE id = $1 FOR UPDATE',
        [userId],
      );
      return this.recordFailure(tx, row!, deviceId, now, during);
    });
  }

  /**
   * One more wrong password for `row`, read FOR UPDATE in the caller's transaction. An account locked
   * meanwhile is refused as locked, its lockout and count left as they are.
   */
  private async recordFailure(
    tx: Tx,
    row: { id: string; failed_attempts: number; locked_until: number | null },
    deviceId: string | null,
    now: number,
    during: WrongPasswordAt,
  ): Promise<{ left: number; lockedUntil: number | null }> {
    if (lockInForce(row.locked_until, now)) return { left: 0, lockedUntil: row.locked_until };
    const next = nextFailure({ failedAttempts: row.failed_attempts, lockedUntil: row.locked_until }, this.config.maxFailedAttempts, now);
    const lockedUntil = next.locks ? now + this.config.lockoutMs : null;
    await tx.query('UPDATE users SET failed_attempts = $2, locked_until = $3 WHERE id = $1', [row.id, next.failures, lockedUntil]);
    if (next.locks && during === 'passwordChange') await tx.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [row.id, now]);
    await recordAuthEvent(tx, { at: now, userId: row.id, action: wrongPasswordAction(next.locks, during), deviceId, details: { failures: next.failures, during } });
    return { left: next.left, lockedUntil };
  }

  async logout(session: ServerSession): Promise<void> {
    const now = this.config.now();
    await this.db.query('UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [session.sessionId, now]);
    await this.event(session.user.id, 'logout', null, {});
  }

  /** Signature and expiry only (no query): the first gate of every authenticated route. */
  checkToken(authorization: string | undefined): Result<TokenClaims> {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!m) return pleaseLogIn();
    const token = m[1]!;
    const now = this.config.now();
    const known = this.verified.get(token);
    if (known && known.exp > now) return ok(known);
    const check = verifyToken(this.secret, token, now);
    if (!check.ok) {
      if (known) this.verified.delete(token);
      return check.reason === 'expired' ? fail('session-expired', '登录已过期，请重新登录', 'Your session has expired; please log in again') : pleaseLogIn();
    }
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.clear();
    this.verified.set(token, check.claims);
    return ok(check.claims);
  }

  /** The session row joined with its user; run alone or inside a hot transaction's first round trip. */
  static sessionSql(claims: TokenClaims): string {
    return execute('session', lit(claims.sid), lit(claims.uid));
  }

  /**
   * The session of a request, refused if revoked, expired or of a disabled account — and, while the account's
   * password is one an administrator set, for everything but changing it and logging out (`beforePasswordChange`).
   */
  sessionFrom(rows: Row[], claims: TokenClaims, opts: { beforePasswordChange?: boolean } = {}): Result<ServerSession> {
    const row = rows[0] as unknown as (UserRow & { revoked_at: number | null; expires_at: number }) | undefined;
    if (!row || row.revoked_at !== null) return pleaseLogIn();
    if (row.expires_at <= this.config.now()) return fail('session-expired', '登录已过期，请重新登录', 'Your session has expired; please log in again');
    if (!row.active) return accountDisabled();
    if (row.must_change_password && !opts.beforePasswordChange) return changePasswordFirst();
    const user: UserRow = {
      id: row.id,
      username: row.username,
      display_name: row.display_name,
      roles: row.roles,
      team: row.team,
      active: row.active,
      must_change_password: row.must_change_password,
    };
    return ok({ sessionId: claims.sid, user, actor: actorOf(user), info: userInfoOf(user) });
  }

  async authenticate(authorization: string | undefined, opts: { beforePasswordChange?: boolean } = {}): Promise<Result<ServerSession>> {
    const claims = this.checkToken(authorization);
    if (!claims.ok) return claims;
    const rows = await this.db.query(`${STATEMENTS.session.sql}`, [claims.value.sid, claims.value.uid]);
    return this.sessionFrom(rows, claims.value, opts);
  }

  /**
   * The user's own new password, confirmed with the current one: the administrator's requirement to change it
   * is lifted, and his other sessions end (a stolen one among them).
   */
  async changePassword(session: ServerSession, current: string, next: string): Promise<Result<{ passwordChangedAt: number }>> {
    const [row] = await this.db.query<{ password_hash: string | null; locked_until: number | null }>('SELECT password_hash, locked_until FROM users WHERE id = $1', [
      session.user.id,
    ]);
    const checkedAt = this.config.now();
    // Locked by wrong passwords at a login screen: no password is checked until the lockout ends.
    if (row && lockInForce(row.locked_until, checkedAt)) return lockedError(row.locked_until, checkedAt);
    if (!row?.password_hash || !(await verifyPassword(current, row.password_hash))) {
      return wrongPasswordRefusal(await this.countFailure(session.user.id, null, this.config.now(), 'passwordChange'), checkedAt, 'passwordChange');
    }
    const checked = checkNewPassword(current, next, session.user.username);
    if (!checked.ok) return checked;
    const hash = await hashPassword(next);
    const now = this.config.now();
    return this.db.transaction(async (tx): Promise<Result<{ passwordChangedAt: number }>> => {
      // Wrong guesses in flight alongside this one may have locked the account meanwhile: that lockout stands.
      const [latest] = await tx.query<{ locked_until: number | null }>('SELECT locked_until FROM users WHERE id = $1 FOR UPDATE', [session.user.id]);
      if (latest && lockInForce(latest.locked_until, now)) return lockedError(latest.locked_until, now);
      await tx.query(
        'UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = $3, failed_attempts = 0, version = version + 1 WHERE id = $1',
        [session.user.id, hash, now],
      );
      await tx.query('UPDATE sessions SET revoked_at = $3 WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL', [session.user.id, session.sessionId, now]);
      await recordAuthEvent(tx, {
        at: now,
        userId: session.user.id,
        action: 'passwordChanged',
        details: { by: session.user.id, byName: session.user.display_name },
      });
      return ok({ passwordChangedAt: now });
    });
  }

  private async event(userId: string, action: string, deviceId: string | null, details: Record<string, unknown>) {
    await recordAuthEvent(this.db, { at: this.config.now(), userId, action, deviceId, details });
  }
}
