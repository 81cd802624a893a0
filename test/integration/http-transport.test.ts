import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { BACKGROUND_CALL_HEADER, CHANNELS } from '../../shared/api/contract';
import { startHttpServer } from '../../electron/host/http/http-server';
import { tempHost, type TempHost } from './support/temp-host';

async function post(base: string, path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, headers: res.headers, json: (await res.json()) as { ok: boolean; value?: any; error?: any } }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON
}

describe('browser-mode HTTP transport on 127.0.0.1', () => {
  let h: TempHost;
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    h = await tempHost({ cases: 50 });
    const started = await startHttpServer({ host: h.host, port: 0 });
    app = started.app;
    base = started.url.replace(/\/$/, '');
  });
  afterAll(async () => {
    await app.close();
    h.close();
  });

  it('listens on loopback only', () => {
    const addr = app.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
  });

  it('logs in, calls the API with a bearer token, and sends security headers', async () => {
    const login = await post(base, '/api/auth/login', JSON.stringify({ username: 'zhangmin', password: 'Demo@2026' }));
    expect(login.status).toBe(200);
    expect(login.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(login.headers.get('x-frame-options')).toBe('DENY');
    const token = login.json.value.token as string;
    const counts = await post(base, '/api/queue/counts', '{}', { authorization: `Bearer ${token}` });
    expect(counts.status).toBe(200);
    expect(counts.json.value.queues.length).toBeGreaterThan(0);
  });

  it('a call with the background header does not keep the session alive; one without it does', async () => {
    const login = await post(base, '/api/auth/login', JSON.stringify({ username: 'zhangmin', password: 'Demo@2026' }));
    const auth = { authorization: `Bearer ${login.json.value.token as string}` };
    h.advance(10 * 60_000);
    expect((await post(base, '/api/queue/counts', '{}', { ...auth, [BACKGROUND_CALL_HEADER]: '1' })).status).toBe(200);
    h.advance(6 * 60_000);
    const expired = await post(base, '/api/queue/counts', '{}', auth);
    expect(expired.status).toBe(401);
    expect(expired.json.error.code).toBe('session-expired');

    const again = await post(base, '/api/auth/login', JSON.stringify({ username: 'zhangmin', password: 'Demo@2026' }));
    const auth2 = { authorization: `Bearer ${again.json.value.token as string}` };
    h.advance(10 * 60_000);
    expect((await post(base, '/api/queue/counts', '{}', auth2)).status).toBe(200);
    h.advance(6 * 60_000);
    expect((await post(base, '/api/queue/counts', '{}', { ...auth2, [BACKGROUND_CALL_HEADER]: '1' })).status).toBe(200);
  });

  it('answers malformed JSON, unknown routes and missing tokens with typed errors', async () => {
    const bad = await post(base, '/api/queue/list', '{not json');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('validation');
    const unknown = await post(base, '/api/nothing/here', '{}');
    expect(unknown.status).toBe(404);
    const anon = await post(base, '/api/queue/counts', '{}');
    expect(anon.status).toBe(401);
    expect(anon.json.error.message).toBe('请先登录');
  });

  it('answers a body that is not JSON, or not the channel\'s input, on every route with a typed 400', async () => {
    const login = await post(base, '/api/auth/login', JSON.stringify({ username: 'zhouyan', password: 'Demo@2026' }));
    const auth = { authorization: `Bearer ${login.json.value.token as string}` };
    for (const channel of CHANNELS) {
      for (const body of ['{not json', '[1,', JSON.stringify({ caseId: 123, unexpected: true }), JSON.stringify('text')]) {
        const [domain, verb] = channel.split(':');
        const r = await post(base, `/api/${domain}/${verb}`, body, auth);
        expect(`${channel} ${body}: ${r.status} ${r.json.error?.code}`).toBe(`${channel} ${body}: 400 validation`);
      }
    }
    expect((await post(base, '/api/queue/counts', '{}', auth)).status).toBe(200); // and the session is still good (logout refused too)
  });

  it('refuses requests naming another host (DNS rebinding)', async () => {
    const port = new URL(base).port;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/auth/login', method: 'POST', headers: { host: `evil.example:${port}`, 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('pushes a cases-changed event over SSE when a case is claimed; the token is read from the header only', async () => {
    const login = await post(base, '/api/auth/login', JSON.stringify({ username: 'wangfang', password: 'Demo@2026' }));
    const token = login.json.value.token as string;
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const claimed = await post(base, '/api/queue/claimNext', JSON.stringify({ queue: 'doc_check' }), { authorization: `Bearer ${token}` });
    let text = '';
    while (!text.includes('cases-changed')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain(claimed.json.value.caseId);
    expect((await fetch(`${base}/api/events`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    // A valid token in the URL (where histories and logs keep it) is not accepted.
    expect((await fetch(`${base}/api/events?token=${encodeURIComponent(token)}`)).status).toBe(401);
  });
});
