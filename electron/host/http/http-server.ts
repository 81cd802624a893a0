import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { BACKGROUND_CALL_HEADER, CHANNELS, type Channel, type HostEvent } from '../../../shared/api/contract';
import { HTTP_STATUS as STATUS } from '../../../shared/sync/http-status';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import type { HostHandle } from '../host-handle';

export interface HttpServerOptions {
  host: HostHandle;
  /** Built renderer (out/renderer); omitted in API-only tests. */
  staticRoot?: string;
  port: number;
}

/**
 * Browser-mode transport: the typed API as `POST /api/<domain>/<verb>` and push events as SSE, served on
 * 127.0.0.1 only. The Host header is checked so that a page on another origin cannot reach the API through
 * DNS rebinding; the session token travels in the Authorization header, never in a cookie.
 */
export async function startHttpServer(opts: HttpServerOptions): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  const allowedHosts = new Set<string>();

  app.addHook('onRequest', async (req, reply) => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return reply.code(403).send({ ok: false, error: { code: 'forbidden', message: '拒绝访问', messageEn: 'Forbidden host' } });
    }
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cache-Control', 'no-store');
  });
  // A body that is not JSON becomes a typed validation error, not a Fastify error page.
  app.setErrorHandler((err, _req, reply) => {
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    reply.code(status >= 400 && status < 500 ? 400 : 500).send({
      ok: false,
      error: status < 500
        ? { code: 'validation', message: '请求格式不正确', messageEn: 'Malformed request' }
        : { code: 'internal', message: '系统内部错误', messageEn: 'Internal error' },
    });
  });

  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    app.post(`/api/${domain}/${verb}`, async (req, reply) => {
      const background = req.headers[BACKGROUND_CALL_HEADER] === '1';
      const result = await opts.host.dispatch(channel as Channel, bearer(req.headers.authorization), req.body, { background });
      return reply.code(result.ok ? 200 : STATUS[result.error.code]).send(result);
    });
  }

  app.get('/api/events', (req, reply) => {
    // The token comes in the Authorization header like every request's; one in the URL is not read.
    const token = bearer(req.headers.authorization) ?? '';
    if (!opts.host.isSessionValid(token)) {
      return reply.code(401).send({ ok: false, error: { code: 'unauthenticated', message: '请先登录', messageEn: 'Please log in' } });
    }
    reply.hijack();
    reply.raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    reply.raw.write(': connected\n\n');
    const send = (event: HostEvent, forToken: string | null) => {
      if (forToken === null || forToken === token) reply.raw.write(`data: ${JSON.stringify(event)}\n\n`);
    };
    const unsubscribe = opts.host.subscribe(send);
    const heartbeat = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  app.all('/api/*', async (_req, reply) =>
    reply.code(404).send({ ok: false, error: { code: 'not-found', message: '未知的接口', messageEn: 'Unknown API route' } }),
  );

  if (opts.staticRoot && existsSync(opts.staticRoot)) {
    await app.register(fastifyStatic, { root: opts.staticRoot, index: 'index.html' });
  }

  const address = await app.listen({ host: '127.0.0.1', port: opts.port });
  const port = new URL(address).port;
  allowedHosts.add(`127.0.0.1:${port}`).add(`localhost:${port}`);
  return { app, url: `http://127.0.0.1:${port}/` };
}

function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m ? m[1]! : null;
}
