import { randomUUID } from 'node:crypto';
import type { CaseChange, UserInfo } from '../../../shared/api/schemas';
import type { RejectedCommand, SyncStatus } from '../../../shared/api/sync-api';
import { fail, type AppError } from '../../../shared/errors';
import { FEED_START } from '../../../shared/sync/protocol';
import type { Db } from '../db/database';
import type { HostServices } from '../host';
import { log } from '../log';
import { BlobTransfer } from './blob-transfer';
import { CentralClient, CentralUnreachable } from './central-client';
import { DocumentReplica } from './document-replica';
import { CURSOR_KEY, pullFeed } from './feed-puller';
import { pushOutbox } from './outbox-pusher';
import { Replica } from './replica';
import { ScreeningReplica } from './screening-replica';
import type { SyncContext } from './sync-context';
import { SyncStore } from './sync-store';
import { TokenBook } from './token-book';

export interface SyncOptions {
  db: Db;
  services: HostServices;
  centralUrl: string;
  now: () => number;
  onChanges(changes: CaseChange[]): void;
  /** Background round every so often (ms); 0: only when asked (tests). */
  intervalMs: number;
  /** How long after the last login confirmed by the server this desktop accepts an offline login. */
  offlineLoginHours: number;
}

const USERS_EVERY_MS = 5 * 60_000;

/**
 * The desktop's sync client: pushes the outbox, pulls the change feed, keeps the users the server knows,
 * renews the leases of the cases its users hold, and says whether the server is reachable. One round at a
 * time; asking for a round while one runs queues exactly one more.
 */
export class SyncService implements SyncContext {
  readonly client: CentralClient;
  readonly store: SyncStore;
  readonly replica: Replica;
  readonly tokens: TokenBook;
  readonly db: Db;
  readonly deviceId: string;
  /** Documents to and from the server by sha256 (for the documents capability). */
  readonly blobs: BlobTransfer;
  /** Passwords accepted offline, waiting to be confirmed by the server (memory only). */
  readonly reauth = new Map<string, { username: string; password: string }>();
  active = true;
  private online: boolean | null = null;
  private lastSyncAt: number | null = null;
  private lastError: AppError | null = null;
  private bound = false;
  private leaseMs = 30 * 60_000;
  private lastUsersAt = 0;
  private lastLeasesAt = 0;
  private round: Promise<void> | null = null;
  private requested = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private nudgeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly opts: SyncOptions) {
    this.db = opts.db;
    this.client = new CentralClient({ baseUrl: opts.centralUrl });
    this.store = new SyncStore(opts.db);
    this.replica = new Replica(
      opts.db,
      opts.services.cases,
      opts.services.audit,
      this.store,
      new ScreeningReplica(opts.services.screening),
      new DocumentReplica(opts.db, opts.services.documents, opts.services.cases),
      (userId) => this.tokens.get(userId) !== null || opts.services.auth.hasLiveSession(userId),
    );
    this.tokens = new TokenBook(opts.now);
    this.deviceId = this.store.state('device_id') ?? this.newDeviceId();
    this.blobs = new BlobTransfer(this);
  }

  private newDeviceId(): string {
    const id = randomUUID();
    this.store.setState('device_id', id);
    return id;
  }

  now(): number {
    return this.opts.now();
  }

  get services(): HostServices {
    return this.opts.services;
  }

  get offlineLoginHours(): number {
    return this.opts.offlineLoginHours;
  }

  get isOnline(): boolean {
    return this.online === true;
  }

  emit(changes: CaseChange[]): void {
    if (changes.length) this.opts.onChanges(changes);
  }

  reachable(): void {
    this.online = true;
  }

  unreachable(why: string): void {
    if (this.online !== false) log.info('sync', `中央服务器不可达，转为离线 / central server unreachable (${why}), working offline`);
    this.online = false;
  }

  problem(error: AppError): void {
    this.lastError = error;
  }

  start(): void {
    if (this.opts.intervalMs > 0 && !this.timer) {
      this.timer = setInterval(() => void this.syncNow(), this.opts.intervalMs);
      this.timer.unref();
      void this.syncNow();
    }
  }

  stop(): void {
    this.active = false;
    if (this.timer) clearInterval(this.timer);
    if (this.nudgeTimer) clearTimeout(this.nudgeTimer);
    this.timer = null;
    this.tokens.clear();
    this.reauth.clear();
  }

  /** A local command was just recorded: push it soon (several in a burst go together). */
  nudge(): void {
    if (!this.active || this.opts.intervalMs <= 0 || this.nudgeTimer) return;
    this.nudgeTimer = setTimeout(() => {
      this.nudgeTimer = null;
      void this.syncNow();
    }, 50);
  }

  /** One full round (push, then pull, then housekeeping); resolves after a round that began after the call. */
  syncNow(): Promise<void> {
    this.requested = true;
    if (!this.round) {
      this.round = (async () => {
        while (this.requested && this.active) {
          this.requested = false;
          await this.oneRound();
        }
      })().finally(() => {
        this.round = null;
      });
    }
    return this.round;
  }

  private async oneRound(): Promise<void> {
    try {
      this.forgetAbsentUsers();
      const shown = this.db.transaction(() => this.replica.showServerCasesOfGoneUsers())();
      if (shown.length) this.emit(shown);
      if (!(await this.checkServer())) return;
      await this.confirmOfflineLogins();
      // Document files first, so the server has the bytes before other desktops learn of the documents.
      await this.opts.services.documents.transfer.sendWaiting();
      await pushOutbox(this);
      const pulled = await pullFeed(this);
      await this.housekeeping();
      if (pulled && this.active) {
        this.lastSyncAt = this.now();
        this.lastError = null;
      }
    } catch (e) {
      if (e instanceof CentralUnreachable) return this.unreachable(e.why);
      log.error('sync', '同步失败 / sync round failed', e);
      this.lastError = fail('internal', '同步出错，稍后自动重试', 'Sync failed; it will be retried').error;
    }
  }

  /**
   * The local store belongs to one central server (its id is kept on first contact); another server's
   * changes are never mixed in. Also how an idle desktop notices the server again.
   */
  async checkServer(): Promise<boolean> {
    if (this.bound && this.tokens.users().length > 0) return true;
    const info = await this.client.health();
    this.reachable();
    if (!info.ok) return false;
    const known = this.store.state('server_id');
    if (known && known !== info.value.serverId) {
      this.lastError = fail('conflict', '本地数据属于另一台中央服务器，已停止同步；请使用新的数据目录', 'This local store belongs to another central server; sync stopped. Use a new data folder').error;
      return false;
    }
    if (!known) this.store.setState('server_id', info.value.serverId);
    this.leaseMs = info.value.leaseMinutes * 60_000;
    this.bound = true;
    return this.tokens.users().length > 0 || this.reauth.size > 0;
  }

  /** Logins accepted offline are confirmed with the server as soon as it answers again. */
  private async confirmOfflineLogins(): Promise<void> {
    for (const [userId, cred] of [...this.reauth]) {
      const r = await this.client.login(cred.username, cred.password, this.deviceId);
      this.reauth.delete(userId);
      if (r.ok) {
        // A password an administrator set: the server answers that token only for changing it, so it is not
        // used to sync (the user logs in online to change it).
        if (!r.value.user.mustChangePassword) this.tokens.set(userId, r.value.token, Date.parse(r.value.expiresAt));
        this.store.storeVerifier(userId, this.opts.services.users.byId(userId)!.passwordHash!, this.now());
      } else if (r.error.code === 'unauthenticated' || r.error.code === 'account-locked') {
        this.store.revokeOffline(userId);
        this.lastError = fail('unauthenticated', `${cred.username} 的离线登录未通过中央服务器验证，已退出登录`, `${cred.username}'s offline login was refused by the central server and has ended`).error;
      }
    }
  }

  /**
   * Someone whose sessions here all ended (the idle timeout, a browser tab closed and left) is gone as if
   * logged out: his claims are no longer renewed, so they go back to the queue when their leases run out (no
   * case stranded), his token stays only to push what he left, and an offline login of his is not confirmed
   * with the server any more (his password is forgotten).
   */
  private forgetAbsentUsers(): void {
    const present = (userId: string) => this.opts.services.auth.hasLiveSession(userId);
    this.tokens.retireAbsent(present);
    for (const userId of [...this.reauth.keys()]) if (!present(userId)) this.reauth.delete(userId);
  }

  private async housekeeping(): Promise<void> {
    const now = this.now();
    const reader = this.tokens.any();
    if (reader && now - this.lastUsersAt > USERS_EVERY_MS) await this.refreshUsers(reader.token);
    if (now - this.lastLeasesAt > this.leaseMs / 3) {
      this.lastLeasesAt = now;
      await this.renewLeases();
    }
    const waiting = this.store.pendingByActor();
    for (const { userId, token } of this.tokens.retiring()) {
      if (waiting.has(userId)) continue;
      // Only that token: he may have logged in again while an earlier one was being given back.
      this.tokens.drop(userId, token);
      await this.client.logout(token).catch(() => undefined);
    }
  }

  async refreshUsers(token: string): Promise<void> {
    const r = await this.client.users(token);
    if (r.ok && this.active) {
      this.store.upsertUsers(r.value.users, new Date(this.now()).toISOString());
      this.lastUsersAt = this.now();
    }
  }

  /**
   * Keeps the claims of everyone logged in here alive (a desktop that vanishes stops doing this); not those of
   * a user gone, whose token only waits to push what he left.
   */
  async renewLeases(): Promise<void> {
    for (const userId of this.tokens.loggedIn()) {
      const token = this.tokens.get(userId);
      if (token) await this.client.renewLeases(token);
    }
  }

  /** Before the queues are shown to a user on a desktop that never synced: the users and the whole feed. */
  async firstSync(token: string): Promise<void> {
    if ((this.store.state(CURSOR_KEY) ?? FEED_START) !== FEED_START) {
      void this.syncNow();
      return;
    }
    await this.refreshUsers(token);
    await this.syncNow();
  }

  status(viewer: UserInfo | null): SyncStatus {
    const waiting = this.store.pendingByActor();
    const names = [...waiting.keys()]
      .filter((id) => this.tokens.get(id) === null && !this.reauth.has(id))
      .map((id) => this.opts.services.users.byId(id)?.displayName ?? id);
    const error = this.lastError;
    return {
      mode: 'central',
      serverUrl: this.client.url,
      online: this.online,
      lastSyncAt: this.lastSyncAt === null ? null : new Date(this.lastSyncAt).toISOString(),
      lastError: error ? { message: error.message, messageEn: error.messageEn } : null,
      pendingCommands: [...waiting.values()].reduce((a, b) => a + b, 0),
      pendingUploads: this.opts.services.documents.transfer.sql.uploadsWaiting(),
      rejectedCommands: this.rejectedCount(viewer),
      waitingForLogin: viewer ? names : [],
      offlineLoginHours: this.opts.offlineLoginHours,
    };
  }

  private rejectedCount(viewer: UserInfo | null): number {
    if (!viewer) return 0;
    return viewer.permissions.includes('case.view_all') ? this.store.rejectionCount() : this.store.rejections(viewer.id, 500).length;
  }

  rejected(viewer: UserInfo, limit: number): RejectedCommand[] {
    const all = viewer.permissions.includes('case.view_all');
    return this.store.rejections(all ? null : viewer.id, limit).map((r) => ({
      commandId: r.commandId,
      command: r.command,
      caseId: r.caseId,
      appNo: r.caseId ? (this.opts.services.cases.get(r.caseId)?.data.appNo ?? null) : null,
      actorName: this.opts.services.users.byId(r.actorId)?.displayName ?? r.actorId,
      code: r.code,
      message: r.message,
      messageEn: r.messageEn,
      createdAt: r.createdAt,
      rejectedAt: r.rejectedAt,
    }));
  }
}
