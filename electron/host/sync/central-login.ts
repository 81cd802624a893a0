import type { UserInfo } from '../../../shared/api/schemas';
import { fail, type Result } from '../../../shared/errors';
import type { Session } from '../auth/auth-service';
import { hashPassword } from '../auth/password';
import { CentralUnreachable } from './central-client';
import type { SyncService } from './sync-service';

type LoginResult = Result<{ token: string; user: UserInfo; idleTimeoutMinutes: number }>;

/**
 * Login when a central server is configured. Online, the server checks the password (its users and scrypt
 * hashes are the truth); on success this desktop keeps the user's server token in memory and a local scrypt
 * verifier of the password, then opens the local session as before. When the server cannot be reached, a
 * user who logged in here online within the last `offlineLoginHours` may log in against that verifier; the
 * password is then kept in memory until the server can confirm it (a refusal ends the session).
 */
export class CentralLogin {
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
      [{ id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, team: user.team, active: true, passwordChangedAt: null }],
      new Date(at).toISOString(),
    );
    this.sync.store.storeVerifier(user.id, await hashPassword(password), at);
    this.sync.tokens.set(user.id, token, Date.parse(expiresAt));
    this.sync.reauth.delete(user.id);
    const local = await services.auth.login(username, password);
    if (local.ok) await this.sync.firstSync(token);
    return local;
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

  /** Ends the local session; the server token stays only until this user's waiting commands are pushed. */
  logout(session: Session): void {
    this.sync.services.auth.logout(session);
    this.sync.reauth.delete(session.user.id);
    this.sync.tokens.retire(session.user.id);
    void this.sync.syncNow();
  }
}
