import type { FastifyInstance, FastifyRequest } from 'fastify';
import { screeningApi } from '../../shared/api/screening-api';
import { fail, ok, type Result } from '../../shared/errors';
import type { ServerSession } from '../auth/central-auth';
import { parse, send } from './envelope';
import type { CentralServices } from './sync-routes';

/** A chunk is at most 720,000 base64 characters (512 KiB of file): a megabyte of JSON is plenty. */
const CHUNK_BODY_LIMIT = 1024 * 1024;

/**
 * The negative list on the central server, for administrators: its size and latest imports, and the CSV
 * import in chunks (begin, chunk by chunk in order, commit). The bodies are the desktop API's own schemas, so
 * a desktop forwards what its admin page sends unchanged; the server reads the file with the same reader.
 */
export function registerScreeningRoutes(app: FastifyInstance, s: CentralServices): void {
  async function admin(req: FastifyRequest): Promise<Result<ServerSession>> {
    const session = await s.auth.authenticate(req.headers.authorization);
    if (!session.ok) return session;
    return session.value.info.permissions.includes('admin.manage') ? session : fail('forbidden', '只有系统管理员可以执行此操作', 'Only an administrator may do this');
  }

  app.get('/v1/negative-list', async (req, reply) => {
    const me = await admin(req);
    if (!me.ok) return send(reply, me);
    return send(reply, ok(await s.negativeList.summary()));
  });

  app.post('/v1/negative-list/begin', async (req, reply) => {
    const me = await admin(req);
    if (!me.ok) return send(reply, me);
    const body = parse(screeningApi['negativeList:begin'].input, req.body);
    if (!body.ok) return send(reply, body);
    return send(reply, await s.negativeList.begin(me.value.actor, body.value.fileName, body.value.sizeBytes));
  });

  app.post('/v1/negative-list/chunk', { bodyLimit: CHUNK_BODY_LIMIT }, async (req, reply) => {
    const me = await admin(req);
    if (!me.ok) return send(reply, me);
    const body = parse(screeningApi['negativeList:chunk'].input, req.body);
    if (!body.ok) return send(reply, body);
    return send(reply, await s.negativeList.chunk(me.value.actor, body.value.uploadId, body.value.index, body.value.data));
  });

  app.post('/v1/negative-list/commit', async (req, reply) => {
    const me = await admin(req);
    if (!me.ok) return send(reply, me);
    const body = parse(screeningApi['negativeList:commit'].input, req.body);
    if (!body.ok) return send(reply, body);
    return send(reply, await s.negativeList.commit(me.value.actor, body.value.uploadId, body.value.encoding));
  });
}
