import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandOutcome } from '../../shared/sync/protocol';
import type { CentralDb } from '../../server/db/central-db';
import { DEFAULT_CONFIG } from '../../server/config';
import { openPglite } from '../../server/db/pglite-db';
import { openPostgres } from '../../server/db/postgres-db';
import { seedCentralDemo } from '../../server/demo/central-demo';
import { BACKENDS, freshCentralDb, startCentral, type TestCentral } from './support/central';
import { startCentralProcess } from './support/central-child';
import { loggedIn } from './support/central-login';
import { startPostgres, type PgCluster } from './support/postgres';
import { syncHost } from './support/sync-host';
import { value } from './support/temp-host';
import { pushCommand as cmd } from './support/push-command';

let pg: PgCluster;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());


async function counts(db: CentralDb) {
  const [r] = await db.query<{ commands: number; changes: number; audit: number }>(
    'SELECT (SELECT count(*) FROM commands)::int AS commands, (SELECT count(*) FROM changes)::int AS changes, (SELECT count(*) FROM audit)::int AS audit',
  );
  return r!;
}

describe.each(BACKENDS)('push: commands applied exactly once, decided with the user of the token (%s)', (backend) => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startCentral(backend, backend === 'postgres' ? pg : null);
    await seedCentralDemo(central.db, { cases: 120, now: central.clock.now });
  });
  afterAll(() => central.close());

  async function submittedCases(n: number): Promise<string[]> {
    const rows = await central.db.query<{ id: string }>(
      "SELECT id FROM cases WHERE state = 'submitted' AND assignee_id IS NULL AND id NOT IN (SELECT case_id FROM commands WHERE case_id IS NOT NULL) ORDER BY id LIMIT $1",
      [n],
    );
    return rows.map((r) => r.id);
  }

  it('answers each command accepted or refused with the reason, in order', async () => {
    const { client, token } = await loggedIn(central.url, 'zhangmin');
    const [x, y] = await submittedCases(2);
    const r = value(await client.push(token, [cmd('claim', { caseId: x }), cmd('claim', { caseId: x }), cmd('release', { caseId: y })])).results;
    expect(r.map((o) => o.status)).toEqual(['accepted', 'rejected', 'rejected']);
    expect(r[0]!.status === 'accepted' && r[0]!.change.case.assigneeName).toBe('张敏');
    expect(r[1]).toMatchObject({ error: { code: 'conflict', message: '您已领取该案件' } });
    expect(r[2]).toMatchObject({ error: { code: 'forbidden', message: '请先领取该案件' }, case: { id: y, assigneeId: null } });
  });

  it('returns the first answer for a repeated command id and changes nothing more', async () => {
    const { client, token } = await loggedIn(central.url, 'wangfang');
    const [x] = await submittedCases(1);
    const push = [cmd('claim', { caseId: x }), cmd('passDocCheck', { caseId: x }), cmd('release', { caseId: x })];
    const first = value(await client.push(token, push)).results;
    await central.server.screening.whenIdle(); // the pass set off the server's screening of the case
    const before = await counts(central.db);
    const again = value(await client.push(token, push)).results;
    expect(await counts(central.db)).toEqual(before);
    const gist = (rs: CommandOutcome[]) => rs.map((o) => (o.status === 'accepted' ? [o.status, o.change.version, o.change.events.length] : [o.status, o.error.code, o.error.message]));
    expect(gist(again)).toEqual(gist(first));
    expect(gist(first).map((g) => g[0])).toEqual(['accepted', 'accepted', 'rejected']);
  });

  it('runs the first of two commands sent under one id in the same push, and answers both with its result', async () => {
    const { client, token } = await loggedIn(central.url, 'zhangmin');
    const [x, y] = await submittedCases(2);
    const first = cmd('claim', { caseId: x });
    const r = value(await client.push(token, [first, { ...cmd('claim', { caseId: y }), commandId: first.commandId }])).results;
    expect(r.map((o) => o.status === 'accepted' && o.change.caseId)).toEqual([x, x]);
    const held = await central.db.query<{ id: string }>("SELECT id FROM cases WHERE id = ANY($1) AND assignee_id = 'u-clerk-1'", [[x, y]]);
    expect(held.map((c) => c.id)).toEqual([x]);
  });

  it('refuses a command whose audit entry would be longer than the feed carries, and the feed stays readable to every desktop', async () => {
    const { client, token } = await loggedIn(central.url, 'wangfang');
    const [x] = await submittedCases(1);
    const control = '\u0001';
    const spoilt = cmd('returnForSupplement', { caseId: x, reasons: Array.from({ length: 10 }, () => control.repeat(200)), note: control.repeat(2000) });
    const r = value(await client.push(token, [cmd('claim', { caseId: x }), spoilt])).results;
    expect(r.map((o) => o.status)).toEqual(['accepted', 'rejected']);
    expect(r[1]).toMatchObject({ error: { code: 'validation' }, case: { id: x, state: 'doc_check' } });
    expect(await central.db.query('SELECT 1 FROM changes WHERE command_id = $1', [spoilt.commandId])).toEqual([]);
    // Read through the desktop's client, which checks every page against the protocol.
    let after = '0.0';
    for (let more = true; more; ) {
      const page = value(await client.changes(token, after, 500));
      after = page.cursor;
      more = page.hasMore;
    }
  });

  it('applies the same push sent twice at the same moment once', async () => {
    const a = await loggedIn(central.url, 'zhangmin');
    const [x] = await submittedCases(1);
    const push = [cmd('claim', { caseId: x })];
    const before = await counts(central.db);
    const [r1, r2] = await Promise.all([a.client.push(a.token, push), a.client.push(a.token, push)]);
    expect(value(r1).results[0]!.status).toBe('accepted');
    expect(value(r2).results[0]).toEqual(value(r1).results[0]);
    const after = await counts(central.db);
    expect(after.commands - before.commands).toBe(1);
    expect(after.changes - before.changes).toBe(1);
  });

  it('gives the first answer to a repeated command id only to the user who sent it, by push and by claim', async () => {
    const a = await loggedIn(central.url, 'zhangmin');
    const b = await loggedIn(central.url, 'wangfang');
    const [x] = await submittedCases(1);
    const push = [cmd('claim', { caseId: x })];
    expect(value(await a.client.push(a.token, push)).results[0]!.status).toBe('accepted');
    const before = await counts(central.db);
    const other = value(await b.client.push(b.token, push)).results[0]!;
    expect(other).toEqual({ commandId: push[0]!.commandId, status: 'rejected', error: expect.objectContaining({ code: 'conflict' }), case: null });
    const claimed = value(await b.client.claimNext(b.token, { commandId: push[0]!.commandId, queue: 'doc_check' }));
    expect(claimed).toMatchObject({ status: 'rejected', error: { code: 'conflict' }, case: null });
    expect(await counts(central.db)).toEqual(before);
  });

  it('never takes the acting user from the request', async () => {
    const { client, token } = await loggedIn(central.url, 'zhangmin');
    const [x] = await submittedCases(1);
    const r = value(await client.push(token, [cmd('claim', { caseId: x, actorId: 'u-clerk-2' })])).results[0]!;
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'validation' } });
    const res = await fetch(`${central.url}/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ commands: [{ ...cmd('claim', { caseId: x }), userId: 'u-clerk-2' }] }),
    });
    expect(res.status).toBe(400);
    const [{ n }] = await central.db.query<{ n: number }>("SELECT count(*)::int AS n FROM commands WHERE case_id = $1 AND status = 'accepted'", [x]);
    expect(n).toBe(0);
  });

  it('masks an identity number in its audit even when a client says the field is not sensitive, and in a file name', async () => {
    const { client, token } = await loggedIn(central.url, 'zhangmin');
    const [x] = await submittedCases(1);
    const idNumber = '320102199007151386';
    const review = { caseId: x, documentId: 'd-forged-1', kind: 'id_card_front', review: { action: 'confirmField', field: 'idNumber', value: idNumber, sensitive: false } };
    const file = { caseId: x, documentId: 'd-forged-2', fileName: `${idNumber}.jpg`, sha256: 'a'.repeat(64), mime: 'image/jpeg', sizeBytes: 10, pages: 1 };
    const r = value(await client.push(token, [cmd('claim', { caseId: x }), cmd('reviewDocument', review), cmd('addDocument', file)])).results;
    expect(r.map((o) => o.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const trail = await central.db.query<{ action: string; details: string }>('SELECT action, details FROM audit WHERE case_id = $1 ORDER BY case_seq', [x]);
    expect(trail.slice(-3).map((e) => e.action)).toEqual(['claimed', 'documentFieldConfirmed', 'documentAdded']);
    expect(trail.slice(-2).every((e) => e.details.includes('3201**********1386'))).toBe(true);
    expect(trail.every((e) => !e.details.includes(idNumber))).toBe(true);
  });

  it('keeps dual control: the proposing officer can neither take nor confirm his own proposal', async () => {
    const [row] = await central.db.query<{ id: string }>(
      "SELECT id FROM cases WHERE state = 'approval' AND assignee_id IS NULL AND team = 'retail' AND NOT (record->'checkers' ? 'u-officer-1') ORDER BY id LIMIT 1",
    );
    const id = row!.id;
    const a = await loggedIn(central.url, 'liqiang');
    const b = await loggedIn(central.url, 'zhaolei');
    const proposal = { decision: 'decline', reasons: ['负债过高'] };
    const made = value(await a.client.push(a.token, [cmd('claim', { caseId: id }), cmd('propose', { caseId: id, proposal })])).results;
    expect(made.map((o) => o.status)).toEqual(['accepted', 'accepted']);
    const own = value(await a.client.push(a.token, [cmd('claim', { caseId: id }), cmd('confirm', { caseId: id })])).results;
    expect(own.map((o) => (o.status === 'rejected' ? o.error.code : o.status))).toEqual(['sod-violation', 'sod-violation']);
    const other = value(await b.client.push(b.token, [cmd('claim', { caseId: id }), cmd('confirm', { caseId: id })])).results;
    expect(other.map((o) => o.status)).toEqual(['accepted', 'accepted']);
    expect(other[1]!.status === 'accepted' && other[1]!.change.case.state).toBe('declined');
  });
});

describe.each(BACKENDS)('a push whose answer is lost because the server was killed mid-request (%s)', (backend) => {
  it('takes effect exactly once when the desktop sends it again to the restarted server', async () => {
    const where = await freshCentralDb(backend, backend === 'postgres' ? pg : null);
    const run = (env: Record<string, string> = {}, port?: number) =>
      startCentralProcess({ databaseUrl: where.url, dataDir: where.dataDir, demoCases: 900, port, env });
    let server = await run();
    const port = server.port;
    const openDb = () => (backend === 'postgres' ? Promise.resolve(openPostgres({ url: where.url! })) : openPglite(where.dataDir!));
    /** passDocCheck commands of these cases the server has committed (read while no server holds the store). */
    const countCommitted = async (caseIds: string[]) => {
      const db = await openDb();
      try {
        const [r] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM commands WHERE name = 'passDocCheck' AND case_id = ANY($1)", [caseIds]);
        return r!.n;
      } finally {
        await db.close();
      }
    };
    const desk = syncHost(server.url);
    try {
      const clerk = await desk.login('zhangmin');
      const held: string[] = [];
      for (let i = 0; i < 130; i++) held.push(value(await desk.call('queue:claimNext', clerk, { queue: 'doc_check' })).caseId);
      for (const caseId of held) value(await desk.call('case:passDocCheck', clerk, { caseId }));
      expect(value(await desk.call('sync:status', clerk, {})).pendingCommands).toBe(130);

      // The server commits the first chunk (DEFAULT_CONFIG.pushChunk commands) of the push, then dies before it answers.
      server.child.kill('SIGTERM');
      await server.exited;
      server = await run({ CENTRAL_TEST_CRASH_AFTER_COMMITS: '1' }, port);
      await desk.sync.syncNow();
      expect(await server.exited).toMatchObject({ signal: 'SIGKILL' });
      expect(value(await desk.call('sync:status', clerk, {}))).toMatchObject({ online: false, pendingCommands: 130 });
      // The first chunk of the push did take effect before the server died: only its answer was lost.
      expect(await countCommitted(held)).toBe(DEFAULT_CONFIG.pushChunk);

      server = await run({}, port);
      await desk.sync.syncNow();
      expect(value(await desk.call('sync:status', clerk, {}))).toMatchObject({ online: true, pendingCommands: 0, rejectedCommands: 0 });
      server.child.kill('SIGTERM');
      await server.exited;

      const db = await openDb();
      try {
        const rows = await db.query<{ case_id: string; state: string; passes: number; commands: number; changes: number; screenings: number; results: number }>(
          `SELECT c.id AS case_id, c.state,
             (SELECT count(*) FROM audit a WHERE a.case_id = c.id AND a.action = 'docCheckPassed')::int AS passes,
             (SELECT count(*) FROM commands k WHERE k.case_id = c.id AND k.name = 'passDocCheck')::int AS commands,
             (SELECT count(*) FROM changes h JOIN commands k ON k.command_id = h.command_id WHERE k.case_id = c.id AND k.name = 'passDocCheck')::int AS changes,
             (SELECT count(*) FROM audit a WHERE a.case_id = c.id AND a.action = 'screeningCompleted')::int AS screenings,
             (SELECT count(*) FROM screening_results r WHERE r.case_id = c.id)::int AS results
           FROM cases c WHERE c.id = ANY($1)`,
          [held],
        );
        expect(rows).toHaveLength(130);
        // Passed on once each, and screened once each by the server — the cases whose push died with the
        // server were screened when it started again.
        for (const r of rows) expect(r).toMatchObject({ passes: 1, commands: 1, changes: 1, screenings: 1, results: 1 });
        for (const r of rows) expect(['approval', 'investigation', 'declined']).toContain(r.state);
      } finally {
        await db.close();
      }
    } finally {
      desk.close();
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      where.remove();
    }
  }, 240_000);
});
