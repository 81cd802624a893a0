import { hasPermission } from '../../../shared/auth/permissions';
import { fail, ok, type Result } from '../../../shared/errors';
import type { BlobStored } from '../../../shared/sync/protocol';
import { CentralUnreachable } from './central-client';
import type { SyncService } from './sync-service';

/**
 * The one thing sync asks of a local document store (the documents capability's content-addressed store
 * fits as it is): bytes by sha256, checked on read, stored once.
 */
export interface LocalBlobs {
  has(sha256: string): boolean;
  get(sha256: string): Buffer;
  put(bytes: Uint8Array): { sha256: string; created: boolean };
}

const offline = () => fail('offline', '无法连接中央服务器，文件稍后再传', 'The central server cannot be reached; the file will be sent later');
// Not fetched now, as when offline: fetched once someone who may see the file opens it here.
const noReader = () =>
  fail(
    'offline',
    '资料文件留在中央服务器，待有权查看证件影像的用户登录后取回',
    'The file stays on the central server until a user who may view document images is logged in here',
  );

/**
 * Documents between a desktop and the central server, by sha256. Both directions are idempotent — sending
 * or fetching the same file again changes nothing — so an interrupted transfer is simply repeated.
 */
export class BlobTransfer {
  constructor(private readonly sync: SyncService) {}

  /**
   * Sends a local file to the server, as `userId` if given and logged in here, else as any user logged in
   * here (the file is the same whoever sends it; a clerk who logged out must not hold it back).
   */
  async upload(sha256: string, local: LocalBlobs, userId?: string): Promise<Result<BlobStored>> {
    const token = (userId ? this.sync.tokens.get(userId) : null) ?? this.sync.tokens.any()?.token;
    if (!token) return offline();
    try {
      const r = await this.sync.client.putBlob(token, local.get(sha256));
      this.sync.reachable();
      return r;
    } catch (e) {
      if (!(e instanceof CentralUnreachable)) throw e;
      this.sync.unreachable(e.why);
      return offline();
    }
  }

  /** The server token of a user logged in here who may see identity numbers (the server gives files to no one else). */
  private readerToken(): string | null {
    for (const userId of this.sync.tokens.loggedIn()) {
      const user = this.sync.services.users.byId(userId);
      if (user && hasPermission(user.roles, 'pii.view')) return this.sync.tokens.get(userId);
    }
    return null;
  }

  /** Makes sure the local store holds the file, fetching it from the server if needed. */
  async download(sha256: string, local: LocalBlobs): Promise<Result<{ fetched: boolean }>> {
    if (local.has(sha256)) return ok({ fetched: false });
    if (!this.sync.tokens.any()) return offline();
    const token = this.readerToken();
    if (!token) return noReader();
    try {
      const r = await this.sync.client.getBlob(token, sha256);
      this.sync.reachable();
      if (!r.ok) return r;
      const stored = local.put(r.value);
      if (stored.sha256 !== sha256) return fail('internal', '文件校验失败', 'The file failed its hash check');
      return ok({ fetched: true });
    } catch (e) {
      if (!(e instanceof CentralUnreachable)) throw e;
      this.sync.unreachable(e.why);
      return offline();
    }
  }
}
