import Fastify, { type FastifyInstance } from 'fastify';
import { loggableError } from '../../shared/domain/masking';
import type { ServerConfig } from '../config';
import { send } from './envelope';
import { registerAuthorityRoutes } from './authority-routes';
import { registerBlobRoutes } from './blob-routes';
import { registerScreeningRoutes } from './screening-routes';
import { registerSyncRoutes, type CentralServices } from './sync-routes';
import { registerUserRoutes } from './user-routes';

class BadBody extends Error {
  readonly statusCode = 400;
  constructor(readonly zh: string, readonly en: string) {
    super(en);
  }
}

/**
 * The central server's HTTP API (`/v1/…`). JSON bodies are parsed here so that malformed JSON, NUL
 * characters (which PostgreSQL text cannot hold), wrong content types and oversized bodies all end as a
 * typed error envelope before any handler runs.
 */
export function buildCentralApp(services: CentralServices, config: ServerConfig): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: config.bodyLimitBytes, exposeHeadRoutes: false });

  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = body as string;
    // A raw NUL is refused here; one written as an escape (and a broken surrogate pair) is found in the parsed
    // strings by parseInput, so a note that merely reads "\\u0000" is not refused.
    if (text.includes('\u0000')) return done(new BadBody('请求中含有不允许的空字符', 'The request contains a NUL character'));
    try {
      done(null, text.trim() === '' ? {} : JSON.parse(text));
    } catch {
      done(new BadBody('请求格式不正确：JSON 无法解析', 'Malformed request: the JSON cannot be parsed'));
    }
  });
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: config.blobLimitBytes }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof BadBody) return send(reply, { ok: false, error: { code: 'validation', message: err.zh, messageEn: err.en } });
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) {
      return reply.code(413).send({ ok: false, error: { code: 'validation', message: '请求内容过大', messageEn: 'The request body is too large' } });
    }
    if (status === 415) {
      return reply.code(415).send({ ok: false, error: { code: 'validation', message: '不支持的内容类型', messageEn: 'Unsupported content type' } });
    }
    if (status >= 400 && status < 500) {
      return send(reply, { ok: false, error: { code: 'validation', message: '请求格式不正确', messageEn: 'Malformed request' } });
    }
    // Names and codes only; anything shaped like an ID number or credit code is masked.
    console.error(`[central] ${loggableError(err)}`);
    return send(reply, { ok: false, error: { code: 'internal', message: '服务器内部错误，操作未完成，请稍后重试', messageEn: 'Internal error; nothing was changed. Please try again' } });
  });
  app.setNotFoundHandler((_req, reply) =>
    send(reply, { ok: false, error: { code: 'not-found', message: '未知的接口', messageEn: 'Unknown API route' } }),
  );

  registerSyncRoutes(app, services, config);
  registerBlobRoutes(app, services, config);
  registerScreeningRoutes(app, services, config);
  registerAuthorityRoutes(app, services, config);
  registerUserRoutes(app, services, config);
  return app;
}
