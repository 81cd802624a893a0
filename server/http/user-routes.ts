import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { usersApi } from '../../shared/api/users-api';
import type { Permission } from '../../shared/auth/permissions';
import { CreateUserRequest } from '../../shared/sync/protocol';
import { ok, type Result } from '../../shared/errors';
import { accountsReadOnly, mayManageUsers, mayReviewAccounts, reviewRefused, usersRefused } from '../../shared/users/user-admin';
import type { ServerSession } from '../auth/central-auth';
import { UserAdmin } from '../auth/user-admin';
import type { ServerConfig } from '../config';
import { send } from './envelope';
import type { CentralServices } from './sync-routes';
import { parseInput } from '../../shared/api/parse-input';

/**
 * User administration on the server, where the accounts live. Each `POST` body is the desktop API's own
 * input for the same channel (`shared/api/users-api.ts`), so a desktop forwards what its page sends — a new
 * account with the id the desktop chose for it (`CreateUserRequest`), so repeating the request is harmless.
 */
export function registerUserRoutes(app: FastifyInstance, s: CentralServices, config: ServerConfig): void {
  const admin = new UserAdmin(s.db, config);

  /** The caller's session if the permission check lets him through, else the refusal to send. */
  const sessionOf =
    (may: (permissions: readonly Permission[]) => boolean, refused: () => Result<never>) =>
    async (authorization: string | undefined): Promise<Result<ServerSession>> => {
      const session = await s.auth.authenticate(authorization);
      if (!session.ok) return session;
      return may(session.value.info.permissions) ? session : refused();
    };
  const administrator = sessionOf(mayManageUsers, usersRefused);
  const reviewer = sessionOf(mayReviewAccounts, reviewRefused);

  app.get('/v1/admin/users', async (req, reply) => {
    const session = await reviewer(req.headers.authorization);
    if (!session.ok) return send(reply, session);
    return send(reply, ok({ users: await admin.list(), readOnly: accountsReadOnly(session.value.info.permissions) }));
  });

  app.get('/v1/admin/users/history', async (req, reply) => {
    const session = await reviewer(req.headers.authorization);
    if (!session.ok) return send(reply, session);
    const q = req.query as { limit?: string; userId?: string; before?: string };
    const number = (v: string | undefined) => (v === undefined ? undefined : Number(v));
    const query = parseInput(usersApi['users:history'].input, { limit: number(q.limit), userId: q.userId, before: number(q.before) });
    if (!query.ok) return send(reply, query);
    return send(reply, ok(await admin.history(query.value)));
  });

  /** Each change: its path, the contract input it takes, and what does it. */
  const change = <T>(path: string, input: z.ZodType<T>, run: (editor: ServerSession, input: T) => Promise<Result<unknown>>) =>
    app.post(path, async (req, reply) => {
      const session = await administrator(req.headers.authorization);
      if (!session.ok) return send(reply, session);
      const body = parseInput(input, req.body);
      if (!body.ok) return send(reply, body);
      return send(reply, await run(session.value, body.value));
    });

  change('/v1/admin/users', CreateUserRequest, (editor, input) => admin.create(editor, input));
  change('/v1/admin/users/update', usersApi['users:update'].input, (editor, input) => admin.update(editor, input));
  change('/v1/admin/users/reset-password', usersApi['users:resetPassword'].input, (editor, input) => admin.resetPassword(editor, input));
  change('/v1/admin/users/unlock', usersApi['users:unlock'].input, (editor, input) => admin.unlock(editor, input));
}
