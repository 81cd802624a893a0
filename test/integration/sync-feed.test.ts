import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTHORITY_RULES } from '../../shared/approval/authority';
import { FEED_START, type Change } from '../../shared/sync/protocol';
import { CURSOR_KEY } from '../../electron/host/sync/feed-puller';
import { applyCommand, type WorkingSet } from '../../server/commands/case-engine';
import { lockCasesSql, toCaseRow } from '../../server/commands/case-rows';
import { writePlan } from '../../server/commands/write-plan';
import { createUsers, queuedCases, seedCentralDemo } from '../../server/demo/central-demo';
import { importCases } from '../../server/demo/import-cases';
import { BACKENDS, startCentral, type TestCentral } from './support/central';
import { loggedIn } from './support/central-login';
import { startPostgres, type PgCluster } from './support/postgres';
import { syncHost } from './support/sync-host';
import { value } from './support/temp-host';

let pg: PgCluster;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const WRITERS = 4;
const CASES_EACH = 12;
const PUSHES_EACH = 40;

describe.each(BACKENDS)('the change feed under concurrent writers (%s)', (backend) => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startCentral(backend, backend === 'postgres' ? pg : null);
    await seedCentralDemo(central.db, { cases: 30, now: central.clock.now });
    await createUsers(
      central.db,
      Array.from({ length: WRITERS }, (_, k) => ({ id: `u-w${k}`, username: `writer${k}`, displayName: `写入${k}`, roles: ['clerk' as const], team: null, password: 'Write@2026' })),
      new Date(central.clock.now).toISOString(),
    );
    await importCases(central.db, queuedCases(WRITERS * CASES_EACH, central.clock.now, 11), central.clock.now);
  });
  afterAll(() => central.close());

  /** Keys of every change in the feed, as the server holds them. */
  async function allChanges(): Promise<string[]> {
    return (await central.db.query<{ command_id: string }>('SELECT command_id FROM changes ORDER BY xid, id')).map((r) => r.command_id);
  }

  it('every reader pulling in a loop ends with every change, none skipped and none applied twice', async () => {
    const writers = [];
    for (let k = 0; k < WRITERS; k++) writers.push(await loggedIn(central.url, `writer${k}`, 'Write@2026'));
    const reader = await loggedIn(central.url, 'zhouyan');
    const desks = [syncHost(central.url, { clock: central.clock }), syncHost(central.url, { clock: central.clock })];
    await desks[0]!.login('zhouyan');
    await desks[1]!.login('wugang');
    let writing = true;

    // Writers: claim and release their own cases as fast as they can, one command per push and transaction.
    const written = Promise.all(
      writers.map(async ({ client, token }, k) => {
        for (let i = 0; i < PUSHES_EACH; i++) {
          const caseId = `q-11-${k * CASES_EACH + (Math.floor(i / 2) % CASES_EACH) + 1}`;
          const r = value(await client.push(token, [{ commandId: randomUUID(), name: i % 2 === 0 ? 'claim' : 'release', payload: { caseId }, createdAt: new Date().toISOString() }]));
          expect(r.results[0]!.status).toBe('accepted');
        }
      }),
    ).finally(() => {
      writing = false;
    });

    // A protocol-level reader with small pages, counting every delivery.
    const deliveries = new Map<string, number>();
    const versions = new Map<string, number>();
    let outOfOrder = 0;
    const protocolReader = (async () => {
      let cursor = FEED_START;
      for (let idle = 0; idle < 2; ) {
        const page = value(await reader.client.changes(reader.token, cursor, 7));
        for (const c of page.changes as Change[]) {
          deliveries.set(c.commandId, (deliveries.get(c.commandId) ?? 0) + 1);
          if ((versions.get(c.caseId) ?? 0) >= c.version) outOfOrder++;
          versions.set(c.caseId, c.version);
        }
        cursor = page.cursor;
        if (!writing && page.changes.length === 0) idle++;
      }
    })();
    // Desktops pulling into their own SQLite stores in a loop.
    const deskReaders = desks.map(async (d) => {
      while (writing) await d.sync.syncNow();
      await d.sync.syncNow();
    });
    await Promise.all([written, protocolReader, ...deskReaders]);

    const expected = await allChanges();
    expect(expected.length).toBeGreaterThanOrEqual(WRITERS * PUSHES_EACH);
    expect([...deliveries.keys()].sort()).toEqual([...expected].sort());
    expect([...deliveries.values()].every((n) => n === 1)).toBe(true);
    expect(outOfOrder).toBe(0);

    // Each desktop holds every case at the server's version, with each change's audit entries exactly once.
    const server = await central.db.query<{ id: string; version: number; entries: number }>(
      'SELECT c.id, c.version, (SELECT count(*) FROM audit a WHERE a.case_id = c.id)::int AS entries FROM cases c ORDER BY c.id',
    );
    for (const d of desks) {
      const local = d.host.services.db
        .prepare('SELECT c.id, c.version, (SELECT count(*) FROM audit a WHERE a.case_id = c.id) AS entries FROM cases c ORDER BY c.id')
        .all();
      expect(local).toEqual(server);
      expect(d.host.services.audit.verify().ok).toBe(true);
      d.close();
    }
  }, 300_000);

  it('pulling the same changes again changes nothing', async () => {
    const d = syncHost(central.url, { clock: central.clock });
    try {
      await d.login('zhouyan');
      const db = d.host.services.db;
      const snapshot = () => db.prepare('SELECT (SELECT count(*) FROM audit) AS audit, (SELECT sum(version) FROM cases) AS versions').get();
      const before = snapshot();
      // The whole feed once more from the beginning, through the desktop's own pull.
      d.sync.store.setState(CURSOR_KEY, FEED_START);
      await d.sync.syncNow();
      expect(snapshot()).toEqual(before);
      // And one page applied twice by hand.
      const page = value(await d.sync.client.changes(d.sync.tokens.any()!.token, FEED_START, 50));
      for (let i = 0; i < 2; i++) db.transaction(() => page.changes.forEach((c) => d.sync.replica.apply(c)))();
      expect(snapshot()).toEqual(before);
    } finally {
      d.close();
    }
  });
});

/** Real PostgreSQL only: PGlite runs one transaction at a time, so commits there cannot interleave. */
describe('the change feed when commits land out of order (postgres)', () => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startCentral('postgres', pg);
    await seedCentralDemo(central.db, { cases: 10, now: central.clock.now });
    await createUsers(
      central.db,
      [{ id: 'u-w0', username: 'writer0', displayName: '写入0', roles: ['clerk' as const], team: null, password: 'Write@2026' }],
      new Date(central.clock.now).toISOString(),
    );
    await importCases(central.db, queuedCases(4, central.clock.now, 11), central.clock.now);
  });
  afterAll(() => central.close());

  it('does not skip a change whose transaction began first and committed last', async () => {
    const [a, b] = ['q-11-1', 'q-11-2'];
    const reader = await loggedIn(central.url, 'zhouyan');
    const start = value(await reader.client.changes(reader.token, FEED_START, 2000));
    let cursor = start.cursor;
    while (value(await reader.client.changes(reader.token, cursor, 2000)).changes.length) cursor = value(await reader.client.changes(reader.token, cursor, 2000)).cursor;
    const [{ last }] = await central.db.query<{ last: number }>('SELECT max(id)::int AS last FROM changes');

    // T1: the server's own write path for a claim of case a, left open.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let wrote!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    const first = randomUUID();
    const actor = { id: 'u-w0', name: '写入0', roles: ['clerk' as const], team: null };
    const t1 = central.db.transaction(async (tx) => {
      const [rows] = await tx.batch(lockCasesSql([a]));
      const ws: WorkingSet = new Map([[a, toCaseRow(rows![0]!)]]);
      const o = applyCommand(ws, { commandId: first, name: 'claim', payload: { caseId: a }, createdAt: null }, actor, {
        now: central.clock.now,
        leaseMs: 60_000,
        authority: { version: 1, rules: DEFAULT_AUTHORITY_RULES },
        lookupUser: () => undefined,
      });
      expect(o.status).toBe('accepted');
      await tx.batch(writePlan({ applied: o.status === 'accepted' ? [o] : [], answers: [o], receivedAt: central.clock.now }));
      wrote();
      await held;
    });
    await written;

    // T2 begins later and commits first, through the API.
    const w1 = await loggedIn(central.url, 'writer0', 'Write@2026');
    const second = randomUUID();
    expect(value(await w1.client.push(w1.token, [{ commandId: second, name: 'claim', payload: { caseId: b }, createdAt: new Date().toISOString() }])).results[0]!.status).toBe('accepted');
    // A reader that followed row ids would now see T2's row, move past T1's smaller id and never see it.
    const naive = await central.db.query<{ id: number; command_id: string }>('SELECT id::int, command_id FROM changes WHERE id > $1 ORDER BY id', [last]);
    expect(naive.map((r) => r.command_id)).toEqual([second]);

    // The feed holds T2 back while T1 may still commit …
    expect(value(await reader.client.changes(reader.token, cursor, 2000)).changes).toEqual([]);
    release();
    await t1;
    // … and then delivers both, T1's first.
    const after = value(await reader.client.changes(reader.token, cursor, 2000)).changes.map((c) => c.commandId);
    expect(after).toEqual([first, second]);
    const [{ id: t1Id }] = await central.db.query<{ id: number }>('SELECT id::int FROM changes WHERE command_id = $1', [first]);
    expect(t1Id).toBeLessThan(naive[0]!.id);
  });
});
