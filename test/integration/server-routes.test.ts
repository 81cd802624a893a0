import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentralClient } from '../../electron/host/sync/central-client';
import { seedCentralDemo } from '../../server/demo/central-demo';
import { BACKENDS, startCentral, type TestCentral } from './support/central';
import { loggedIn } from './support/central-login';
import { startPostgres, type PgCluster } from './support/postgres';
import { value } from './support/temp-host';

let pg: PgCluster;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.each(BACKENDS)('central server routes refuse bad input with a clear error and store nothing (%s)', (backend) => {
  let central: TestCentral;
  let token: string;
  let adminToken: string;
  let caseId: string;

  beforeAll(async () => {
    central = await startCentral(backend, backend === 'postgres' ? pg : null, { bodyLimitBytes: 256 * 1024, blobLimitBytes: 1024 * 1024 });
    await seedCentralDemo(central.db, { cases: 40, now: central.clock.now });
    token = (await loggedIn(central.url, 'zhangmin')).token;
    adminToken = (await loggedIn(central.url, 'admin')).token;
    const [row] = await central.db.query<{ id: string }>("SELECT id FROM cases WHERE state = 'submitted' ORDER BY id LIMIT 1");
    caseId = row!.id;
  });
  afterAll(() => central.close());

  async function stored() {
    const [r] = await central.db.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM commands)::int AS commands, (SELECT count(*) FROM changes)::int AS changes,
              (SELECT count(*) FROM audit)::int AS audit, (SELECT count(*) FROM blobs)::int AS blobs,
              (SELECT count(*) FROM sessions)::int AS sessions, (SELECT sum(version) FROM cases)::int AS versions,
              (SELECT count(*) FROM authority_matrix)::int AS matrices, (SELECT count(*) FROM screening_rule_sets)::int AS rule_sets,
              (SELECT count(*) FROM users)::int AS users, (SELECT sum(version) FROM users)::int AS user_versions,
              (SELECT count(*) FROM negative_list)::int AS negative_list, (SELECT count(*) FROM negative_list_imports)::int AS list_imports,
              (SELECT count(*) FROM negative_list_uploads)::int AS list_uploads, (SELECT count(*) FROM negative_list_upload_chunks)::int AS list_chunks`,
    );
    return r!;
  }

  async function send(method: string, path: string, opts: { body?: string | Uint8Array; type?: string; auth?: string | null } = {}) {
    const headers: Record<string, string> = {};
    if (opts.type ?? (opts.body !== undefined ? 'application/json' : undefined)) headers['content-type'] = opts.type ?? 'application/json';
    const auth = opts.auth === undefined ? token : opts.auth;
    if (auth) headers.authorization = `Bearer ${auth}`;
    const res = await fetch(`${central.url}${path}`, { method, headers, body: opts.body });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as { ok: boolean; error?: { code: string; message: string; messageEn: string } }) : null };
  }

  const push = (commands: unknown) => JSON.stringify({ commands });
  const goodCommand = () => ({ commandId: randomUUID(), name: 'claim', payload: { caseId }, createdAt: new Date().toISOString() });

  it('refuses text that cannot be stored (a NUL or half a surrogate pair, escaped in the JSON) with a clear error, and not a note that merely reads \\u0000', async () => {
    const before = await stored();
    for (const bad of ['zhang\u0000min', 'zhang\ud800min', '\udc00']) {
      const r = await send('POST', '/v1/auth/login', { body: JSON.stringify({ username: bad, password: 'Demo@2026' }) });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(r.body!.error!.message).toContain('无法保存的字符');
      expect(r.body!.error!.messageEn).toContain('cannot be stored');
    }
    // A backslash followed by u0000 is text like any other: this login is judged (wrong user), not refused as malformed.
    const literal = await send('POST', '/v1/auth/login', { body: JSON.stringify({ username: 'zhang\\u0000min', password: 'Demo@2026' }) });
    expect(literal.status).toBe(401);
    expect(await stored()).toEqual(before);
  });

  it('refuses malformed JSON, bodies not of the route\'s shape or with a field of the wrong type, NUL characters and oversized bodies on every JSON route', async () => {
    const before = await stored();
    // Administrators' routes are sent by an administrator, so that the body itself is what is refused.
    const routes: [string, string, ('admin' | 'clerk')?][] = [
      ['POST', '/v1/auth/login'],
      ['POST', '/v1/auth/password'],
      ['POST', '/v1/push'],
      ['POST', '/v1/claim-next'],
      ['POST', '/v1/authority', 'admin'],
      ['POST', '/v1/screening/rules', 'admin'],
      ['POST', '/v1/negative-list/begin', 'admin'],
      ['POST', '/v1/negative-list/chunk', 'admin'],
      ['POST', '/v1/negative-list/commit', 'admin'],
      ['POST', '/v1/admin/users', 'admin'],
      ['POST', '/v1/admin/users/update', 'admin'],
      ['POST', '/v1/admin/users/reset-password', 'admin'],
      ['POST', '/v1/admin/users/unlock', 'admin'],
    ];
    const bad: [string, string, number][] = [
      ['malformed JSON', '{"commands": [', 400],
      ['not an object', '"claim"', 400],
      ['wrong types', JSON.stringify({ username: 42, password: [], commands: 'all', queue: 7, commandId: 1 }), 400],
      ['unknown key', JSON.stringify({ username: 'zhangmin', password: 'x', extra: 1, commands: [], queue: 'doc_check', commandId: 'abcdefgh12' }), 400],
      ['NUL character', JSON.stringify({ username: 'zhang\u0000min', password: 'Demo@2026' }), 400],
      ['oversized body', JSON.stringify({ username: 'x'.repeat(300 * 1024), password: 'x' }), 413],
    ];
    // A chunk of a negative list may be a megabyte: its oversized body is bigger.
    const oversized = (path: string) => JSON.stringify({ username: 'x'.repeat(path.endsWith('/chunk') ? 1100 * 1024 : 300 * 1024), password: 'x' });
    for (const [method, path, as] of routes) {
      for (const [what, given, status] of bad) {
        const body = what === 'oversized body' ? oversized(path) : given;
        const r = await send(method, path, { body, auth: as === 'admin' ? adminToken : token });
        expect(`${path} ${what}: ${r.status}`).toBe(`${path} ${what}: ${status}`);
        expect(r.body).toMatchObject({ ok: false, error: { code: 'validation' } });
        expect(r.body!.error!.message).toMatch(/[\u4e00-\u9fff]/);
        expect(r.body!.error!.messageEn.length).toBeGreaterThan(5);
      }
    }
    // A body of the route's own shape with one field of the wrong type or out of range.
    const spoiled: [string, unknown][] = [
      ['/v1/auth/password', { currentPassword: 42, newPassword: 'Good#2026pass' }],
      ['/v1/claim-next', { commandId: randomUUID(), queue: 7 }],
      ['/v1/negative-list/begin', { fileName: 'list.csv', sizeBytes: 'ten' }],
      ['/v1/negative-list/chunk', { uploadId: randomUUID(), index: -1, data: 'YWJj' }],
      ['/v1/negative-list/commit', { uploadId: randomUUID(), encoding: 'latin1' }],
      ['/v1/admin/users', { username: 'new.clerk', displayName: '新人', roles: ['emperor'], team: null, password: 'Good#2026pass' }],
      ['/v1/admin/users/update', { id: 'u-clerk-1', basedOnVersion: 'one', displayName: '张敏', roles: ['clerk'], team: null, active: true }],
      ['/v1/admin/users/reset-password', { id: 'u-clerk-1', password: 42 }],
      ['/v1/admin/users/unlock', { id: 42 }],
    ];
    for (const [path, body] of spoiled) {
      const r = await send('POST', path, { body: JSON.stringify(body), auth: path === '/v1/auth/password' || path === '/v1/claim-next' ? token : adminToken });
      expect(`${path}: ${r.status} ${r.body?.error?.code}`).toBe(`${path}: 400 validation`);
    }
    // Routes that take no body still refuse one that is not JSON or too big.
    for (const path of ['/v1/leases/renew', '/v1/auth/logout']) {
      for (const [what, body, status] of bad.filter(([w]) => w === 'malformed JSON' || w === 'oversized body')) {
        const r = await send('POST', path, { body });
        expect(`${path} ${what}: ${r.status}`).toBe(`${path} ${what}: ${status}`);
        expect(r.body).toMatchObject({ ok: false, error: { code: 'validation' } });
      }
    }
    const wrongType = await send('POST', '/v1/push', { body: 'commands=all', type: 'text/plain' });
    expect(wrongType.status).toBe(415);
    expect(await stored()).toEqual(before);
  });

  it('refuses pushes that break the protocol: too many commands, bad ids, unknown commands, a payload for another user', async () => {
    const before = await stored();
    const cases: unknown[] = [
      Array.from({ length: 501 }, goodCommand),
      [],
      [{ ...goodCommand(), commandId: 'x' }],
      [{ ...goodCommand(), commandId: "1'; DROP TABLE cases; --" }],
      [{ ...goodCommand(), name: 'deleteEverything' }],
      [{ ...goodCommand(), payload: 'claim' }],
      [{ ...goodCommand(), actorId: 'u-admin-1' }],
      [{ ...goodCommand(), createdAt: 12 }],
    ];
    for (const commands of cases) {
      const r = await send('POST', '/v1/push', { body: push(commands) });
      expect(r.status).toBe(400);
      expect(r.body!.error!.code).toBe('validation');
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses a missing, forged or expired token on every authenticated route', async () => {
    const before = await stored();
    const [head, sid, exp, mac] = token.split('.') as [string, string, string, string];
    const forgedUser = [head, Buffer.from('u-admin-1').toString('base64url'), exp, mac].join('.');
    const forgedMac = [head, sid, exp, Buffer.from(randomBytes(32)).toString('base64url')].join('.');
    const routes: [string, string, string | undefined][] = [
      ['POST', '/v1/push', push([goodCommand()])],
      ['POST', '/v1/claim-next', JSON.stringify({ commandId: randomUUID(), queue: 'doc_check' })],
      ['GET', '/v1/changes', undefined],
      ['GET', '/v1/users', undefined],
      ['GET', '/v1/authority', undefined],
      ['GET', '/v1/screening/rules', undefined],
      ['GET', '/v1/screening/rules/1', undefined],
      ['POST', '/v1/screening/rules', JSON.stringify({ basedOnVersion: 1, note: '伪造', edit: {} })],
      ['POST', '/v1/authority', JSON.stringify({ basedOnVersion: 1, rules: [{ role: 'officer', product: '*', riskGrade: '*', maxAmountFen: 1, inclusive: true }], note: '伪造' })],
      ['POST', '/v1/leases/renew', '{}'],
      ['POST', '/v1/auth/logout', '{}'],
      ['POST', '/v1/auth/password', JSON.stringify({ currentPassword: 'Demo@2026', newPassword: 'Forged#2026x' })],
      ['GET', `/v1/blobs/${'a'.repeat(64)}`, undefined],
      ['GET', '/v1/negative-list', undefined],
      ['POST', '/v1/negative-list/begin', JSON.stringify({ fileName: 'list.csv', sizeBytes: 10 })],
      ['POST', '/v1/negative-list/chunk', JSON.stringify({ uploadId: randomUUID(), index: 0, data: 'YWJj' })],
      ['POST', '/v1/negative-list/commit', JSON.stringify({ uploadId: randomUUID(), encoding: 'auto' })],
      ['GET', '/v1/admin/users', undefined],
      ['GET', '/v1/admin/users/history', undefined],
      ['POST', '/v1/admin/users', JSON.stringify({ username: 'forged.admin', displayName: '伪造', roles: ['admin'], team: null, password: 'Forged#2026' })],
      ['POST', '/v1/admin/users/update', JSON.stringify({ id: 'u-admin-1', basedOnVersion: 1, displayName: '伪造', roles: ['admin'], team: null, active: false })],
      ['POST', '/v1/admin/users/reset-password', JSON.stringify({ id: 'u-admin-1', password: 'Forged#2026' })],
      ['POST', '/v1/admin/users/unlock', JSON.stringify({ id: 'u-admin-1' })],
    ];
    for (const [method, path, body] of routes) {
      for (const auth of [null, 'not-a-token', forgedUser, forgedMac]) {
        const r = await send(method, path, { body, auth });
        expect(`${path} ${r.status}`).toBe(`${path} 401`);
        expect(r.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      }
    }
    // Used once more so the server has it among its verified tokens: expiry must still be checked on use.
    expect((await send('GET', '/v1/users', {})).status).toBe(200);
    const saved = central.clock.now;
    central.clock.now += 13 * 3600_000;
    try {
      const r = await send('POST', '/v1/push', { body: push([goodCommand()]) });
      expect(r.status).toBe(401);
      expect(r.body!.error).toMatchObject({ code: 'session-expired', message: '登录已过期，请重新登录' });
    } finally {
      central.clock.now = saved;
    }
    expect(await stored()).toEqual(before);
  });

  it('ends a session on logout: its token no longer works', async () => {
    const { token: t } = await loggedIn(central.url, 'wangfang');
    expect((await send('GET', '/v1/users', { auth: t })).status).toBe(200);
    expect((await send('POST', '/v1/auth/logout', { body: '{}', auth: t })).status).toBe(200);
    expect((await send('GET', '/v1/users', { auth: t })).status).toBe(401);
  });

  it('counts failed logins and locks the account after five, without telling whether a user exists', async () => {
    const unknown = await send('POST', '/v1/auth/login', { body: JSON.stringify({ username: 'nobody', password: 'x' }), auth: null });
    expect(unknown).toMatchObject({ status: 401, body: { error: { message: '用户名或密码错误' } } });
    for (let i = 1; i <= 4; i++) {
      const r = await send('POST', '/v1/auth/login', { body: JSON.stringify({ username: 'guoli', password: 'wrong' }), auth: null });
      expect(r.body!.error!.message).toBe(`用户名或密码错误，还可尝试 ${5 - i} 次`);
    }
    const locked = await send('POST', '/v1/auth/login', { body: JSON.stringify({ username: 'guoli', password: 'wrong' }), auth: null });
    expect(locked).toMatchObject({ status: 423, body: { error: { code: 'account-locked' } } });
    const evenRight = await send('POST', '/v1/auth/login', { body: JSON.stringify({ username: 'guoli', password: 'Demo@2026' }), auth: null });
    expect(evenRight.status).toBe(423);
  });

  it('refuses a command id of the kind the server gives its own changes (lease-, import-, screening-)', async () => {
    const before = await stored();
    const [row] = await central.db.query<{ id: string; version: number }>("SELECT id, version FROM cases WHERE state = 'submitted' LIMIT 1");
    for (const commandId of [`screening-${row!.id}-v${row!.version + 1}`, `lease-${row!.id}-${row!.version + 1}`, 'import-abcdefgh']) {
      const push = await send('POST', '/v1/push', { body: JSON.stringify({ commands: [{ commandId, name: 'claim', payload: { caseId: row!.id }, createdAt: null }] }) });
      expect(push).toMatchObject({ status: 400, body: { error: { code: 'validation' } } });
      const claim = await send('POST', '/v1/claim-next', { body: JSON.stringify({ commandId, queue: 'doc_check' }) });
      expect(claim).toMatchObject({ status: 400, body: { error: { code: 'validation' } } });
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses bad feed and claim requests', async () => {
    for (const q of ['after=1', 'after=abc.def', 'after=0.0&limit=0', 'after=0.0&limit=99999', 'after=0.0&limit=ten', 'after=0.0&since=1']) {
      const r = await send('GET', `/v1/changes?${q}`);
      expect(`${q} ${r.status}`).toBe(`${q} 400`);
    }
    const mine = await send('POST', '/v1/claim-next', { body: JSON.stringify({ commandId: randomUUID(), queue: 'mine' }) });
    expect(mine).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const notMine = await send('POST', '/v1/claim-next', { body: JSON.stringify({ commandId: randomUUID(), queue: 'approval_retail' }) });
    expect(notMine).toMatchObject({ status: 403, body: { error: { message: '您无权查看该队列' } } });
    expect((await send('GET', '/v1/nothing-here')).status).toBe(404);
  });

  it('stores documents by sha256 only when the bytes match, once, and gives them back verified', async () => {
    const client = new CentralClient({ baseUrl: central.url });
    const bytes = randomBytes(200_000);
    const first = value(await client.putBlob(token, bytes));
    expect(first).toEqual({ sha256: sha(bytes), size: bytes.length, created: true });
    // An upload cut off and sent again is harmless.
    expect(value(await client.putBlob(token, bytes)).created).toBe(false);
    expect(Buffer.compare(value(await client.getBlob(token, sha(bytes))), bytes)).toBe(0);
    // Any user may add a document; only a role that may see identity numbers gets one back (the scans show them).
    for (const who of ['zhouyan', 'wugang', 'admin']) {
      const refused = await client.getBlob((await loggedIn(central.url, who)).token, sha(bytes));
      expect(refused.ok || `${who}: ${refused.error.code}`).toBe(`${who}: forbidden`);
    }
    expect(value(await client.getBlob((await loggedIn(central.url, 'liqiang')).token, sha(bytes))).length).toBe(bytes.length);

    const before = await stored();
    const other = randomBytes(1000);
    const mismatch = await send('PUT', `/v1/blobs/${sha(bytes).replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))}`, { body: other, type: 'application/octet-stream' });
    expect(mismatch).toMatchObject({ status: 400, body: { error: { code: 'validation', message: '文件内容与哈希不符，未保存' } } });
    expect((await send('PUT', `/v1/blobs/${sha(other)}`, { body: JSON.stringify({ data: 'x' }) })).status).toBe(415);
    expect((await send('PUT', '/v1/blobs/not-a-hash', { body: other, type: 'application/octet-stream' })).status).toBe(400);
    expect((await send('PUT', `/v1/blobs/${sha(new Uint8Array())}`, { body: new Uint8Array(), type: 'application/octet-stream' })).status).toBe(400);
    const big = randomBytes(1024 * 1024 + 10);
    expect((await send('PUT', `/v1/blobs/${sha(big)}`, { body: big, type: 'application/octet-stream' })).status).toBe(413);
    expect(await stored()).toEqual(before);
    expect((await send('GET', `/v1/blobs/${sha(other)}`)).status).toBe(404);
    expect((await send('GET', '/v1/blobs/XYZ')).status).toBe(400);
  });
});
