import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentralClient } from '../../electron/host/sync/central-client';
import { startCentralServer } from '../../server/central-server';
import { migrateCentral } from '../../server/db/migrate';
import { openPostgres } from '../../server/db/postgres-db';
import { prepareAllSql } from '../../server/db/statements';
import { createUsers, demoDecideContext, queuedCases, seedCentralDemo } from '../../server/demo/central-demo';
import { DEMO_USERS, demoActor, type DemoUser } from '../../electron/host/demo/demo-users';
import { decideCommand } from '../../shared/commands/registry';
import type { CaseRecord } from '../../shared/domain/case';
import { importCases } from '../../server/demo/import-cases';
import { BACKENDS, startCentral, type TestCentral } from './support/central';
import { loggedIn } from './support/central-login';
import { startPostgres, type PgCluster } from './support/postgres';
import { value } from './support/temp-host';

let pg: PgCluster;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const CLIENTS = 16;
/**
 * 20,000 on PostgreSQL, the deployment database. PGlite (the embedded one-machine default) runs one
 * statement at a time in WebAssembly, several times slower: the same race with 2,000 cases keeps the
 * suite within minutes and still has sixteen clients colliding on every claim.
 */
const CASES_ON: Record<string, number> = { postgres: 20_000, pglite: 2_000 };

describe.each(BACKENDS)('claims decided by the server under contention (%s)', (backend) => {
  const CASES = CASES_ON[backend]!;
  let central: TestCentral;
  beforeAll(async () => {
    central = await startCentral(backend, backend === 'postgres' ? pg : null, { leaseMs: 60_000 });
    await createUsers(
      central.db,
      Array.from({ length: CLIENTS }, (_, k) => ({ id: `u-c${k}`, username: `clerk${k}`, displayName: `审核员${k}`, roles: ['clerk' as const], team: null, password: 'Claim@2026' })),
      new Date(central.clock.now).toISOString(),
    );
    await importCases(central.db, queuedCases(CASES, central.clock.now), central.clock.now);
  }, 300_000);
  afterAll(() => central.close());

  it(`16 clients claiming from ${CASES_ON[backend]!.toLocaleString('en')} queued cases at once claim every case exactly once`, async () => {
    const clients = [];
    for (let k = 0; k < CLIENTS; k++) clients.push(await loggedIn(central.url, `clerk${k}`, 'Claim@2026'));
    const got = await Promise.all(
      clients.map(async ({ client, token }) => {
        const mine: string[] = [];
        for (;;) {
          const o = value(await client.claimNext(token, { commandId: randomUUID(), queue: 'doc_check' }));
          if (o.status === 'rejected') {
            expect(o.error.code).toBe('not-found');
            return mine;
          }
          mine.push(o.change.caseId);
        }
      }),
    );
    const all = got.flat();
    expect(all).toHaveLength(CASES);
    expect(new Set(all).size).toBe(CASES);
    // Everyone got work: SKIP LOCKED hands out different rows instead of making clients queue on one.
    for (const mine of got) expect(mine.length).toBeGreaterThan(0);

    const [s] = await central.db.query<{ claims: number; cases: number; held: number; most: number }>(
      `SELECT (SELECT count(*) FROM commands WHERE name = 'claim' AND status = 'accepted')::int AS claims,
              (SELECT count(DISTINCT case_id) FROM commands WHERE name = 'claim' AND status = 'accepted')::int AS cases,
              (SELECT count(*) FROM cases WHERE state = 'doc_check' AND assignee_id IS NOT NULL AND lease_until IS NOT NULL)::int AS held,
              (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM audit WHERE action = 'claimed' GROUP BY case_id) x)::int AS most`,
    );
    expect(s).toEqual({ claims: CASES, cases: CASES, held: CASES, most: 1 });

    // A claim writes only the record's changed fields (write-plan.ts); merged, they must be the whole record
    // the claimer was answered with, application data included.
    const [drift] = await central.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases WHERE record->>'state' <> state OR record->>'assigneeId' IS DISTINCT FROM assignee_id
         OR (record->>'version')::int <> version OR record->'data'->>'appNo' <> app_no OR record->>'stageEnteredAt' IS NULL`,
    );
    expect(drift!.n).toBe(0);
    const { client, token } = clients[0]!;
    const released = value(await client.push(token, [{ commandId: randomUUID(), name: 'release', payload: { caseId: got[0]![0]! }, createdAt: new Date().toISOString() }]));
    expect(released.results[0]!.status).toBe('accepted');
    const again = value(await client.claimNext(token, { commandId: randomUUID(), queue: 'doc_check' }));
    if (again.status !== 'accepted') throw new Error('the released case could not be claimed again');
    const [row] = await central.db.query<{ record: unknown }>('SELECT record FROM cases WHERE id = $1', [again.change.caseId]);
    expect(row!.record).toEqual(again.change.case);
  }, 600_000);

  it('gives expired claims back to the queue, audited and in the feed, unless they were renewed', async () => {
    const renewing = await loggedIn(central.url, 'clerk0', 'Claim@2026');
    const [{ n: before }] = await central.db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE state = 'submitted'");
    central.clock.now += 40_000;
    expect(value(await renewing.client.renewLeases(renewing.token)).renewed).toBeGreaterThan(0);
    central.clock.now += 40_000;
    const released = await central.server.leases.sweep(100_000);
    const [{ kept }] = await central.db.query<{ kept: number }>("SELECT count(*)::int AS kept FROM cases WHERE assignee_id = 'u-c0'");
    expect(kept).toBeGreaterThan(0);
    expect(released).toBe(CASES - kept);
    const [{ n: after }] = await central.db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE state = 'submitted' AND assignee_id IS NULL");
    expect(after - before).toBe(released);
    const [row] = await central.db.query<{ actor_name: string; details: string }>(
      "SELECT actor_name, details FROM audit WHERE action = 'released' ORDER BY id DESC LIMIT 1",
    );
    expect(row!.actor_name).toBe('系统');
    expect(JSON.parse(row!.details)).toMatchObject({ reason: 'leaseExpired' });
    const [{ n: feed }] = await central.db.query<{ n: number }>("SELECT count(*)::int AS n FROM changes WHERE command_id LIKE 'lease-%'");
    expect(feed).toBe(released);
  }, 300_000);

  it('a claim sent again (the same command id) gets its first answer, however the requests are grouped', async () => {
    const clients = [];
    for (let k = 0; k < 4; k++) clients.push(await loggedIn(central.url, `clerk${k}`, 'Claim@2026'));
    const repeated = clients.map(() => randomUUID());
    // Each id three times at once among fresh claims: copies meet in one group, and in groups after it.
    const answers = await Promise.all(
      clients.map(({ client, token }, k) =>
        Promise.all([
          ...[0, 1, 2].map(() => client.claimNext(token, { commandId: repeated[k]!, queue: 'doc_check' })),
          client.claimNext(token, { commandId: randomUUID(), queue: 'doc_check' }),
        ]),
      ),
    );
    const caseOf = (r: Awaited<ReturnType<CentralClient['claimNext']>>) => {
      const o = value(r);
      if (o.status !== 'accepted') throw new Error(`refused: ${o.error.messageEn}`);
      return o.change.caseId;
    };
    const claimed: string[] = [];
    for (const [k, mine] of answers.entries()) {
      const copies = mine.slice(0, 3).map(caseOf);
      expect(new Set(copies).size, `the copies of ${repeated[k]}`).toBe(1);
      claimed.push(copies[0]!, caseOf(mine[3]!));
    }
    expect(new Set(claimed).size).toBe(8);
    // And once more on its own, later: still the first answer.
    expect(caseOf(await clients[0]!.client.claimNext(clients[0]!.token, { commandId: repeated[0]!, queue: 'doc_check' }))).toBe(claimed[0]);

    const [s] = await central.db.query<{ answers: number; claimed: number }>(
      `SELECT (SELECT count(*) FROM commands WHERE command_id = ANY($1))::int AS answers,
              (SELECT count(*) FROM audit WHERE action = 'claimed' AND command_id = ANY($1))::int AS claimed`,
      [repeated],
    );
    expect(s).toEqual({ answers: 4, claimed: 4 });
  }, 300_000);
});

describe('two server instances over one PostgreSQL, as behind a load balancer', () => {
  it('share sessions and claims: a token from one works on the other, and no case is claimed twice', async () => {
    const first = await startCentral('postgres', pg);
    const second = await startCentralServer({ db: openPostgres({ url: first.dbUrl!, maxConnections: 12 }), config: { leaseSweepMs: 0, now: () => first.clock.now } });
    try {
      await createUsers(
        first.db,
        Array.from({ length: 8 }, (_, k) => ({ id: `u-l${k}`, username: `lb${k}`, displayName: `负载${k}`, roles: ['clerk' as const], team: null, password: 'Lb@2026' })),
        new Date(first.clock.now).toISOString(),
      );
      await importCases(first.db, queuedCases(1_500, first.clock.now, 5), first.clock.now);
      const urls = [first.url, second.url];
      const got = await Promise.all(
        Array.from({ length: 8 }, async (_, k) => {
          // Logged in on one instance, claiming through both in turn.
          const { token } = await loggedIn(urls[k % 2]!, `lb${k}`, 'Lb@2026');
          const mine: string[] = [];
          for (let i = 0; ; i++) {
            const o = value(await new CentralClient({ baseUrl: urls[i % 2]! }).claimNext(token, { commandId: randomUUID(), queue: 'doc_check' }));
            if (o.status === 'rejected') return mine;
            mine.push(o.change.caseId);
          }
        }),
      );
      const all = got.flat();
      expect(all).toHaveLength(1_500);
      expect(new Set(all).size).toBe(1_500);
    } finally {
      await second.close();
      await second.db.close();
      await first.close();
    }
  }, 300_000);
});

describe('claims the queue refuses to some (复核: own proposal, authority by amount)', () => {
  it('officers claiming together each get only cases they may hold, and none is left that one of them could have taken', async () => {
    const central = await startCentral('postgres', pg);
    try {
      expect(await seedCentralDemo(central.db, { cases: 800, now: central.clock.now, seed: 4 })).toBe(true);
      const officers = DEMO_USERS.filter((u) => u.roles.some((r) => r === 'officer' || r === 'senior_officer'));
      const proposed = async () =>
        (await central.db.query<{ record: CaseRecord }>("SELECT record FROM cases WHERE state = 'proposed' AND assignee_id IS NULL ORDER BY id")).map((r) => r.record);
      const mayHold = (c: CaseRecord, u: DemoUser) => decideCommand('claim', c, { caseId: c.id }, demoDecideContext(demoActor(u), central.clock.now)).ok;
      const before = await proposed();
      // The case is refused to some of them (their own proposals, amounts beyond an officer's authority):
      // the batch must pass such candidates over to the next, not stop.
      expect(before.filter((c) => officers.some((u) => !mayHold(c, u))).length).toBeGreaterThan(5);

      const sessions = await Promise.all(officers.map((u) => loggedIn(central.url, u.username)));
      const claimed = new Map<string, string>();
      const doubles: string[] = [];
      const done = new Set<number>();
      // Rounds in which all who still claim ask at once, so the server decides them as one group. Whoever
      // is told the queue has nothing for them must not find, after that round, a case left they may hold
      // (claims only take cases away, so it was there when they asked).
      while (done.size < officers.length) {
        const toldNothing: number[] = [];
        await Promise.all(
          sessions.map(async ({ client, token }, k) => {
            if (done.has(k)) return;
            const o = value(await client.claimNext(token, { commandId: randomUUID(), queue: 'confirm' }));
            if (o.status === 'rejected') {
              expect(o.error.code).toBe('not-found');
              toldNothing.push(k);
              return;
            }
            if (claimed.has(o.change.caseId)) doubles.push(o.change.caseId);
            claimed.set(o.change.caseId, officers[k]!.id);
          }),
        );
        const left = toldNothing.length ? await proposed() : [];
        for (const k of toldNothing) {
          done.add(k);
          for (const c of left) expect(mayHold(c, officers[k]!), `${officers[k]!.username} was told nothing, but ${c.id} was left`).toBe(false);
        }
      }
      expect(doubles).toEqual([]);
      expect(claimed.size).toBeGreaterThan(0);
      // Each got only what the shared decide lets them hold, judged on the case as it was queued …
      for (const c of before.filter((x) => claimed.has(x.id))) {
        const u = officers.find((o) => o.id === claimed.get(c.id))!;
        expect(mayHold(c, u), `${u.username} ← ${c.id}`).toBe(true);
      }
      // … and what is left, nobody of them may hold.
      const left = await proposed();
      for (const c of left) for (const u of officers) expect(mayHold(c, u), `${u.username} could have taken ${c.id}`).toBe(false);
    } finally {
      await central.close();
    }
  }, 300_000);
});

describe('the claim table on PostgreSQL', () => {
  it('is vacuumed after 2,000 claims whatever its size, so claim-next does not step over claimed cases for long', async () => {
    const url = await pg.createDatabase('vacuum_often');
    const db = openPostgres({ url, maxConnections: 2 });
    const now = Date.now();
    try {
      await migrateCentral(db);
      await db.setSessionSetup(prepareAllSql());
      await importCases(db, queuedCases(30_000, now, 9), now);
      // From here only the claims below can start an autovacuum of the table (the import's inserts are vacuumed).
      await db.query('VACUUM cases');
      const vacuums = async () =>
        (await db.query<{ dead: number; vacuums: number }>("SELECT n_dead_tup::int AS dead, autovacuum_count::int AS vacuums FROM pg_stat_user_tables WHERE relname = 'cases'"))[0]!;
      const before = (await vacuums()).vacuums;
      // 3,000 claims: PostgreSQL's default (a fifth of the table, 6,050 rows here) would not vacuum yet.
      await db.query(`UPDATE cases SET assignee_id = 'u-x', state = 'doc_check'
        WHERE id IN (SELECT id FROM cases WHERE assignee_id IS NULL ORDER BY priority DESC, sla_due_at, id LIMIT 3000)`);
      // The launcher looks every second instead of every minute, for this test only.
      await db.query('ALTER SYSTEM SET autovacuum_naptime = 1');
      await db.query('SELECT pg_reload_conf()');
      const deadline = Date.now() + 60_000;
      let stats = await vacuums();
      while (Date.now() < deadline && !(stats.vacuums > before && stats.dead < 100)) {
        await new Promise((r) => setTimeout(r, 500));
        stats = await vacuums();
      }
      expect(stats.vacuums).toBeGreaterThan(before);
      expect(stats.dead).toBeLessThan(100);
    } finally {
      await db.query('ALTER SYSTEM RESET autovacuum_naptime').catch(() => {});
      await db.query('SELECT pg_reload_conf()').catch(() => {});
      await db.close();
    }
  }, 180_000);

  it('stores case records of ordinary size uncompressed (no pglz on every claim), and compresses a large one', async () => {
    const db = openPostgres({ url: await pg.createDatabase('case_toast'), maxConnections: 2 });
    const now = Date.now();
    try {
      await migrateCentral(db);
      await db.setSessionSetup(prepareAllSql());
      await importCases(db, queuedCases(500, now, 11), now);
      const stored = async () =>
        (await db.query<{ compressed: number; rows: number; biggest: number }>(
          'SELECT count(*) FILTER (WHERE pg_column_compression(record) IS NOT NULL)::int AS compressed, count(*)::int AS rows, max(pg_column_size(c.*))::int AS biggest FROM cases c',
        ))[0]!;
      const imported = await stored();
      expect(imported.rows).toBe(500);
      // Rows above PostgreSQL's toast threshold (2,032 bytes), which it would have compressed.
      expect(imported.biggest).toBeGreaterThan(2032);
      expect(imported.compressed).toBe(0);
      await db.query(`UPDATE cases SET record = record || jsonb_build_object('note', repeat('补充材料说明', 2000)) WHERE id = (SELECT min(id) FROM cases)`);
      expect((await stored()).compressed).toBe(1);
    } finally {
      await db.close();
    }
  }, 120_000);
});
