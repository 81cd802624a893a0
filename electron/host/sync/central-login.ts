import type { UserInfo } from '../../../shared/api/schemas';
import { fail, ok, type Result } from '../../../shared/errors';
import { checkNewPassword } from '../../../shared/users/user-admin';
import type { Session } from '../auth/auth-service';
import { hashPassword } from '../auth/password';
import { CentralUnreachable } from './central-client';
import { onServer } from './server-call';
import type { SyncService } from './sync-service';

type LoginResult = Result<{ token: string; user: UserInfo; idleTimeoutMinutes: number }>;

const offlineChange = () =>
  fail('offline', '当前离线：密码须在中央服务器上修改，请联网后再改', 'Offline: a password is changed on the central server; connect and try again');

/**
 * Login when a central server is configured. Online, the server checks the password (its users and scrypt
 * hashes are the truth); on success this desktop keeps the user's server token in memory and a local scrypt
 * verifier of the password, then opens the local session as before. When the server cannot be reached, a
 * user who logged in here online within the last `offlineLoginHours` may log in against that verifier; the
 * password is then kept in memory until the server can confirm it (a refusal ends the session).
 */
export class CentralLogin {
  /** Server tokens of users who must first change a password an administrator set (user id → token). */
  private readonly asideForPasswordChange = new Map<string, { token: string; expiresAt: number }>();

  constructor(private readonly sync: SyncService) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const { services, client } = this.sync;
    let server;
    try {
      server = await client.login(username, password, this.sync.deviceId);
    } catch (e) {
      if (!(e instanceof CentralUnreachable)) throw e;
      this.sync.unreachable(e.why);
      return this.offline(username, password);
    }
    this.sync.reachable();
    // The server said no (wrong password, locked, disabled): never fall back to the offline verifier.
    if (!server.ok) return server;
    const { user, token, expiresAt } = server.value;
    const at = this.sync.now();
    this.sync.store.upsertUsers(
      [
        {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          roles: user.roles,
          team: user.team,
          active: true,
          passwordChangedAt: null,
          mustChangePassword: user.mustChangePassword,
        },
      ],
      new Date(at).toISOString(),
    );
    this.sync.store.storeVerifier(user.id, await hashPassword(password), at);
    this.sync.reauth.delete(user.id);
    const local = await services.auth.login(username, password);
    if (!local.ok) return local;
    // The token is kept once the local session exists (sync gives back the tokens of users without one).
    // The server answers a token of a password an administrator set only for changing it: it is kept aside
    // for that, never used to sync, until the password is changed.
    if (user.mustChangePassword) this.asideForPasswordChange.set(user.id, { token, expiresAt: Date.parse(expiresAt) });
    else {
      this.sync.tokens.set(user.id, token, Date.parse(expiresAt));
      await this.sync.firstSync(token);
    }
    return local;
  }

  /**
   * The user's own new password, changed on the server (which checks the current one) and then here: the
   * offline verifier becomes the new password, and a token kept aside for the change starts syncing.
   */
  async changePassword(me: Session, current: string, next: string): Promise<Result<Record<string, never>>> {
    const checked = checkNewPassword(current, next, me.user.username);
    if (!checked.ok) return checked;
    const aside = this.asideForPasswordChange.get(me.user.id);
    const r = await onServer(this.sync, me, offlineChange, (token) => this.sync.client.changePassword(token, { currentPassword: current, newPassword: next }), aside?.token ?? this.sync.tokens.get(me.user.id));
    if (!r.ok && r.error.code === 'account-locked') {
      // Too many wrong current passwords: the server ended his sessions; here too, and no offline login
      // with this desktop's verifier until he has logged in online again.
      this.asideForPasswordChange.delete(me.user.id);
      this.sync.tokens.drop(me.user.id);
      this.sync.store.revokeOffline(me.user.id);
    }
    if (!r.ok) return r;
    const hash = await hashPassword(next);
    this.sync.services.auth.setOwnPassword(me, hash);
    // Verified as of the server's own time of the change, so no clock difference voids the new verifier.
    this.sync.store.storeVerifier(me.user.id, hash, Math.max(this.sync.now(), r.value.passwordChangedAt));
    if (aside) {
      this.asideForPasswordChange.delete(me.user.id);
      this.sync.tokens.set(me.user.id, aside.token, aside.expiresAt);
      await this.sync.firstSync(aside.token);
    }
    return ok({});
  }

  private async offline(username: string, password: string): Promise<LoginResult> {
    const { services, store } = this.sync;
    const user = services.users.byUsername(username.trim());
    const verifiedAt = user ? store.verifiedAt(user.id) : null;
    const hours = this.sync.offlineLoginHours;
    if (!user || user.passwordHash === null || verifiedAt === null) {
      return fail(
        'offline',
        '无法连接中央服务器。该账户尚未在本机联网登录过，不能离线登录，请在网络恢复后登录',
        'The central server cannot be reached. This account has not logged in on this computer online before, so it cannot log in offline',
      );
    }
    if (this.sync.now() - verifiedAt > hours * 3600_000) {
      return fail(
        'offline',
        `无法连接中央服务器。离线登录仅在本机最近一次联网登录后 ${hours} 小时内有效，请在网络恢复后登录`,
        `The central server cannot be reached. Offline login is allowed for ${hours} hours after the last online login on this computer`,
      );
    }
    const local = await services.auth.login(username, password);
    if (local.ok) this.sync.reauth.set(local.value.user.id, { username, password });
    return local;
  }

  /**
   * Ends the local session; once the user has none left here (another window may still be open), his server
   * token stays only until his waiting commands are pushed.
   */
  logout(session: Session): void {
    this.sync.services.auth.logout(session);
    if (this.sync.services.auth.hasLiveSession(session.user.id)) return;
    this.sync.reauth.delete(session.user.id);
    this.asideForPasswordChange.delete(session.user.id);
    this.sync.tokens.retire(session.user.id);
    void this.sync.syncNow();
  }
}
