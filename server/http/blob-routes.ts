import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail, ok } from '../../shared/errors';
import { Sha256 } from '../../shared/sync/protocol';
import { sha256Of } from '../blobs/blob-store';
import type { ServerConfig } from '../config';
import { send } from './envelope';
import type { CentralServices } from './sync-routes';

/** The scans show identity numbers in full: only roles that may see them fetch one (DESIGN §13, pii.view). */
const filesRefused = () =>
  fail('forbidden', '您无权取回资料文件（证件影像含身份证号等敏感信息）', 'You may not fetch document files (they show identity numbers in full)');

const badHash = () => fail('validation', '文件哈希格式不正确（应为 64 位小写十六进制）', 'The sha256 must be 64 lowercase hex digits');

function hashParam(req: FastifyRequest): string | null {
  const h = (req.params as { sha256?: string }).sha256 ?? '';
  return Sha256.safeParse(h).success ? h : null;
}

/**
 * Documents by sha256: PUT stores the bytes only if they hash to the name in the URL; storing again is a
 * no-op, so a failed upload is retried safely. GET checks the hash again before sending, and only to a role
 * that may see identity numbers (any user may add a document; not every user may read one).
 */
export function registerBlobRoutes(app: FastifyInstance, s: CentralServices, config: ServerConfig): void {
  app.put('/v1/blobs/:sha256', { bodyLimit: config.blobLimitBytes }, async (req, reply) => {
    const session = await s.auth.authenticate(req.headers.authorization);
    if (!session.ok) return send(reply, session);
    const sha256 = hashParam(req);
    if (!sha256) return send(reply, badHash());
    if (!Buffer.isBuffer(req.body)) {
      return reply.code(415).send(fail('validation', '文件须以 application/octet-stream 上传', 'Upload the file as application/octet-stream'));
    }
    if (req.body.length === 0) return send(reply, fail('validation', '文件为空', 'The file is empty'));
    if (sha256Of(req.body) !== sha256) {
      return send(reply, fail('validation', '文件内容与哈希不符，未保存', 'The content does not match its sha256; nothing was stored'));
    }
    const { created } = await s.blobs.put(sha256, req.body, session.value.user.id);
    return send(reply, ok({ sha256, size: req.body.length, created }));
  });

  app.get('/v1/blobs/:sha256', async (req, reply) => {
    const session = await s.auth.authenticate(req.headers.authorization);
    if (!session.ok) return send(reply, session);
    if (!session.value.info.permissions.includes('pii.view')) return send(reply, filesRefused());
    const sha256 = hashParam(req);
    if (!sha256) return send(reply, badHash());
    const bytes = await s.blobs.get(sha256);
    if (!bytes) return send(reply, fail('not-found', '文件不存在', 'No such file'));
    if (sha256Of(bytes) !== sha256) return send(reply, fail('internal', '文件校验失败，存储可能已损坏', 'The stored file fails its hash check'));
    return reply.code(200).type('application/octet-stream').header('Content-Length', bytes.length).send(bytes);
  });

  app.head('/v1/blobs/:sha256', async (req, reply) => {
    const session = await s.auth.authenticate(req.headers.authorization);
    if (!session.ok) return reply.code(401).send();
    const sha256 = hashParam(req);
    if (!sha256) return reply.code(400).send();
    const found = await s.blobs.has(sha256);
    return found ? reply.code(200).header('Content-Length', found.size).send() : reply.code(404).send();
  });
}
