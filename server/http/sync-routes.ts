import type { FastifyInstance } from 'fastify';
import { authApi } from '../../shared/api/auth-api';
import { z } from 'zod';
import { ok } from '../../shared/errors';
import { ClaimNextRequest, FEED_START, FeedCursor, LoginRequest, MAX_PULL_LIMIT, PushRequest } from '../../shared/sync/protocol';
import type { CentralAuth } from '../auth/central-auth';
import { SYNCED_USER_COLUMNS, serverUserOf, type SyncedUserRow } from '../auth/user-rows';
import type { BlobStore } from '../blobs/blob-store';
import type { ClaimService } from '../commands/claim-service';
import type { PushService } from '../commands/push-service';
import type { ServerConfig } from '../config';
import type { CentralDb } from '../db/central-db';
import type { FeedService } from '../feed/feed-service';
import type { LeaseService } from '../leases/lease-service';
import type { ServerNegativeList } from '../screening/negative-list-service';
import type { ServerScreening } from '../screening/screening-service';
import { send } from './envelope';
import { parseInput } from '../../shared/api/parse-input';

export interface CentralServices {
  db: CentralDb;
  serverId: string;
  auth: CentralAuth;
  push: PushService;
  claims: ClaimService;
  feed: FeedService;
  leases: LeaseService;
  blobs: BlobStore;
  /** Screening of cases that enter `screening` (风险筛查 · 测额 · 定价). */
  screening: ServerScreening;
  negativeList: ServerNegativeList;
}

const FeedQuery = z.strictObject({
  after: FeedCursor.default(FEED_START),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(1000),
});

/** Login, users, push, claim next, the change feed and lease renewal. */
export function registerSyncRoutes(app: FastifyInstance, s: CentralServices, config: ServerConfig): void {
  app.get('/v1/health', async (_req, reply) =>
    send(reply, ok({ serverId: s.serverId, time: new Date(config.now()).toISOString(), leaseMinutes: config.leaseMs / 60_000 })),
  );

  app.post('/v1/auth/login', async (req, reply) => {
    const body = parseInput(LoginRequest, req.body);
    if (!body.ok) return send(reply, body);
    return send(reply, await s.auth.login(body.value.username, body.value.password, body.value.deviceId ?? null));
  });

  app.post('/v1/auth/password', async (req, reply) => {
    const session = await s.auth.authenticate(req.headers.authorization, { beforePasswordChange: true });
    if (!session.ok) return send(reply, session);
    const body = parseInput(authApi['auth:changePassword'].input, req.body);
    if (!body.ok) return send(reply, body);
    return send(reply, await s.auth.changePassword(session.value, body.value.currentPassword, body.value.newPassword));
  });

  app.post('/v1/auth/logout', async (req, reply) => {
    const session = await s.auth.authenticate(req.headers.authorization, { beforePasswordChange: true });
    if (!session.ok) return send(reply, session);
    await s.auth.logout(session.value);
    return send(reply, ok({}));
  });

  app.get('/v1/users', async (req, reply) => {
    const session = await s.auth.authenticate(req.headers.authorization);
    if (!session.ok) return send(reply, session);
    const rows = await s.db.query<SyncedUserRow>(`SELECT ${SYNCED_USER_COLUMNS} FROM users ORDER BY username`);
    return send(reply, ok({ users: rows.map(serverUserOf) }));
  });

  app.post('/v1/push', async (req, reply) => {
    const session = await s.auth.authenticate(req.headers.authorization);
    if (!session.ok) return send(reply, session);
    const body = parseInput(PushRequest, req.body);
    if (!body.ok) return send(reply, body);
    return send(reply, ok({ results: await s.push.push(session.value, body.value.commands) }));
  });

  app.post('/v1/claim-next', async (req, reply) => {
    // Signature and expiry here; the session row is read inside the claim's own first round trip.
    const claims = s.auth.checkToken(req.headers.authorization);
    if (!claims.ok) return send(reply, claims);
    const body = parseInput(ClaimNextRequest, req.body);
    if (!body.ok) return send(reply, body);
    return send(reply, await s.claims.claimNext(claims.value, body.value));
  });

  app.get('/v1/changes', async (req, reply) => {
    const session = await s.auth.authenticate(req.headers.authorization);
    if (!session.ok) return send(reply, session);
    const query = parseInput(FeedQuery, req.query);
    if (!query.ok) return send(reply, query);
    const body = await s.feed.pageJson(query.value.after, query.value.limit);
    return reply.code(200).type('application/json; charset=utf-8').send(body);
  });

  app.post('/v1/leases/renew', async (req, reply) => {
    const session = await s.auth.authenticate(req.headers.authorization);
    if (!session.ok) return send(reply, session);
    return send(reply, ok({ renewed: await s.leases.renew(session.value.user.id) }));
  });
}
