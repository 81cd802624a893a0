import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ApiParsedInput } from '../../../shared/api/contract';
import { screeningApi } from '../../../shared/api/screening-api';
import { usersApi } from '../../../shared/api/users-api';
import { fail, ok, type Result } from '../../../shared/errors';
import {
  BlobStored,
  type CreateUserRequest,
  CommandOutcome,
  FeedPage,
  LeaseRenewal,
  LoginResponse,
  PushResponse,
  ServerAuthority,
  ServerInfo,
  UsersResponse,
  WireError,
  type ClaimNextRequest,
  type PushCommand,
} from '../../../shared/sync/protocol';

/** The server could not be reached (or answered something that is not the API): the desktop is offline. */
export class CentralUnreachable extends Error {
  constructor(readonly why: string) {
    super(`central server unreachable: ${why}`);
    this.name = 'CentralUnreachable';
  }
}

const ServerRuleSets = screeningApi['screening:rules'].output.omit({ readOnly: true });
const AuthoritySaved = z.object({ version: z.number().int().min(2) });

const Envelope = z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: WireError })]);

export interface CentralClientOptions {
  baseUrl: string;
  /** Per request (default 15 s); a login gives up sooner so the user can log in offline. */
  timeoutMs?: number;
}

/**
 * HTTP client of the central server's `/v1` API. A server refusal comes back as a failed Result; a network
 * failure, a timeout or a non-API answer (a proxy's error page) throws `CentralUnreachable`. Every answer is
 * checked against the protocol schema before the local store sees it.
 */
export class CentralClient {
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(opts: CentralClientOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = opts.timeoutMs ?? 15_000;
  }

  get url(): string {
    return this.base;
  }

  health(timeoutMs = 3_000): Promise<Result<ServerInfo>> {
    return this.json('GET', '/v1/health', null, undefined, ServerInfo, timeoutMs);
  }

  login(username: string, password: string, deviceId: string, timeoutMs = 10_000): Promise<Result<LoginResponse>> {
    return this.json('POST', '/v1/auth/login', null, { username, password, deviceId }, LoginResponse, timeoutMs);
  }

  changePassword(token: string, body: ApiParsedInput<'auth:changePassword'>) {
    return this.json('POST', '/v1/auth/password', token, body, z.object({ passwordChangedAt: z.number().int() }));
  }

  logout(token: string): Promise<Result<unknown>> {
    return this.json('POST', '/v1/auth/logout', token, {}, z.unknown());
  }

  users(token: string) {
    return this.json('GET', '/v1/users', token, undefined, UsersResponse);
  }

  push(token: string, commands: readonly PushCommand[]) {
    return this.json('POST', '/v1/push', token, { commands }, PushResponse);
  }

  claimNext(token: string, req: ClaimNextRequest) {
    return this.json('POST', '/v1/claim-next', token, req, CommandOutcome);
  }

  changes(token: string, after: string, limit: number) {
    return this.json('GET', `/v1/changes?after=${encodeURIComponent(after)}&limit=${limit}`, token, undefined, FeedPage);
  }

  renewLeases(token: string) {
    return this.json('POST', '/v1/leases/renew', token, {}, LeaseRenewal);
  }

  /** The authority matrix the server decides approvals by (a synced desktop's authority page shows it). */
  authority(token: string) {
    return this.json('GET', '/v1/authority', token, undefined, ServerAuthority);
  }

  updateAuthority(token: string, edit: ApiParsedInput<'authority:update'>) {
    return this.json('POST', '/v1/authority', token, edit, AuthoritySaved);
  }

  /** Admin: the accounts, and changes to them, in the desktop API's own terms (shared/api/users-api.ts). */
  adminUsers(token: string) {
    return this.json('GET', '/v1/admin/users', token, undefined, usersApi['users:list'].output);
  }

  createUser(token: string, body: CreateUserRequest) {
    return this.json('POST', '/v1/admin/users', token, body, usersApi['users:create'].output);
  }

  updateUser(token: string, body: ApiParsedInput<'users:update'>) {
    return this.json('POST', '/v1/admin/users/update', token, body, usersApi['users:update'].output);
  }

  resetPassword(token: string, body: ApiParsedInput<'users:resetPassword'>) {
    return this.json('POST', '/v1/admin/users/reset-password', token, body, usersApi['users:resetPassword'].output);
  }

  unlockUser(token: string, body: ApiParsedInput<'users:unlock'>) {
    return this.json('POST', '/v1/admin/users/unlock', token, body, usersApi['users:unlock'].output);
  }

  accountHistory(token: string, query: ApiParsedInput<'users:history'>) {
    const params = new URLSearchParams({ limit: String(query.limit) });
    if (query.userId !== undefined) params.set('userId', query.userId);
    if (query.before !== undefined) params.set('before', String(query.before));
    return this.json('GET', `/v1/admin/users/history?${params.toString()}`, token, undefined, usersApi['users:history'].output);
  }

  /** Admin: the server's negative list (size, latest imports). */
  screeningRules(token: string) {
    return this.json('GET', '/v1/screening/rules', token, undefined, ServerRuleSets);
  }

  screeningRuleSet(token: string, version: number) {
    return this.json('GET', `/v1/screening/rules/${version}`, token, undefined, screeningApi['screening:ruleSet'].output);
  }

  updateScreeningRules(token: string, body: ApiParsedInput<'screening:updateRules'>) {
    return this.json('POST', '/v1/screening/rules', token, body, screeningApi['screening:updateRules'].output);
  }

  negativeListSummary(token: string) {
    return this.json('GET', '/v1/negative-list', token, undefined, screeningApi['negativeList:summary'].output);
  }

  /** Admin: a negative-list CSV import on the server, in the desktop API's own terms (begin, chunks, commit). */
  negativeListBegin(token: string, body: ApiParsedInput<'negativeList:begin'>) {
    return this.json('POST', '/v1/negative-list/begin', token, body, screeningApi['negativeList:begin'].output);
  }

  negativeListChunk(token: string, body: ApiParsedInput<'negativeList:chunk'>) {
    return this.json('POST', '/v1/negative-list/chunk', token, body, screeningApi['negativeList:chunk'].output);
  }

  /** Reading and inserting a large list takes the server a while: a long timeout, not an "offline". */
  negativeListCommit(token: string, body: ApiParsedInput<'negativeList:commit'>) {
    return this.json('POST', '/v1/negative-list/commit', token, body, screeningApi['negativeList:commit'].output, 15 * 60_000);
  }

  /** Uploads bytes under their sha256; sending the same bytes again is harmless (retry freely). */
  async putBlob(token: string, bytes: Uint8Array): Promise<Result<BlobStored>> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // A copy on a plain ArrayBuffer: what fetch accepts under both the Node and the DOM typings.
    const res = await this.fetch('PUT', `/v1/blobs/${sha256}`, token, { body: new Uint8Array(bytes), type: 'application/octet-stream' });
    return this.envelope(res, BlobStored);
  }

  /** Downloads by sha256 and checks the bytes against it before handing them over. */
  async getBlob(token: string, sha256: string): Promise<Result<Buffer>> {
    const res = await this.fetch('GET', `/v1/blobs/${sha256}`, token);
    if (res.headers.get('content-type')?.startsWith('application/json')) {
      const r = await this.envelope(res, z.unknown());
      return r.ok ? fail('internal', '服务器返回的不是文件', 'The server did not return a file') : r;
    }
    if (!res.ok) throw new CentralUnreachable(`HTTP ${res.status}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      return fail('internal', '下载的文件与哈希不符，已丢弃', 'The downloaded file does not match its sha256; discarded');
    }
    return ok(bytes);
  }

  private async json<T>(method: string, path: string, token: string | null, body: unknown, schema: z.ZodType<T>, timeoutMs?: number): Promise<Result<T>> {
    const res = await this.fetch(method, path, token, body === undefined ? undefined : { body: JSON.stringify(body), type: 'application/json' }, timeoutMs);
    return this.envelope(res, schema);
  }

  private async fetch(method: string, path: string, token: string | null, body?: { body: string | Uint8Array<ArrayBuffer>; type: string }, timeoutMs = this.timeoutMs): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body) headers['Content-Type'] = body.type;
    const once = () => fetch(`${this.base}${path}`, { method, headers, body: body?.body, signal: AbortSignal.timeout(timeoutMs) });
    try {
      return await once();
    } catch (first) {
      // A kept-alive connection the network dropped fails the first request on it. Every request of this
      // protocol may be repeated (commands carry their ids), so try once more on a fresh connection.
      if (first instanceof Error && first.name === 'TimeoutError') throw new CentralUnreachable('timeout');
      try {
        return await once();
      } catch (e) {
        throw new CentralUnreachable(e instanceof Error ? e.name : 'network error');
      }
    }
  }

  private async envelope<T>(res: Response, schema: z.ZodType<T>): Promise<Result<T>> {
    let parsed: unknown;
    try {
      parsed = await res.json();
    } catch {
      throw new CentralUnreachable(`HTTP ${res.status} without an API answer`);
    }
    const env = Envelope.safeParse(parsed);
    if (!env.success) throw new CentralUnreachable(`HTTP ${res.status} with an unexpected answer`);
    if (!env.data.ok) return { ok: false, error: env.data.error };
    const value = schema.safeParse(env.data.value);
    if (!value.success) {
      return fail('internal', '中央服务器的答复不符合协议', 'The central server answered outside the protocol', {
        issues: value.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    return ok(value.data);
  }
}
