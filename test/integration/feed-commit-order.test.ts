import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralDb } from '../../server/db/central-db';
import { prepareAllSql } from '../../server/db/statements';
import { seedCentralDemo } from '../../server/demo/central-demo';
import { freshCentralDb, startCentral, type TestCentral } from './support/central';
import { loggedIn } from './support/central-login';
import { startPostgres, type PgCluster } from './support/postgres';
import { syncHost } from './support/sync-host';
import { value } from './support/temp-host';
import { pushCommand as cmd } from './support/push-command';

/**
 * Per case, the change feed (ordered by the writing transaction's xid) must list changes in the order they
 * were committed: desktops append each change's audit entries to their chain in feed order. A transaction
 * with an old xid that waited on a row lock must not write a case a younger transaction already changed
 * and committed (migration 0150): it is refused with 40001 and retried with a new, younger xid.
 */


let pgc: PgCluster;
beforeAll(async () => {
  pgc = await startPostgres();
});
afterAll(() => pgc?.stop());

describe('the change feed lists each case’s changes in commit order (postgres)', () => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startCentral('postgres', pgc);
    await seedCentralDemo(central.db, { cases: 40, now: central.clock.now });
  });
  afterAll(() => central.close());

  it('a push that got its xid first and waited on a lock is retried after a younger claim of the same case commits', async () => {
    const [y, m, x] = (
      await central.db.query<{ id: string }>("SELECT id FROM cases WHERE state = 'submitted' AND assignee_id IS NULL ORDER BY id LIMIT 3")
    ).map((r) => r.id);
    const clerk = await loggedIn(central.url, 'zhangmin');
    const sup = await loggedIn(central.url, 'zhouyan');
    const { cursor: start } = value(await clerk.client.changes(clerk.token, '0.0', 2000)) as { cursor: string };

    // Another request holds case m for a moment.
    const holder = new pg.Client({ connectionString: central.dbUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [m]);
      // The supervisor's push locks its cases in id order: y (so it has an xid now), then waits on m.
      const assign = sup.client.push(sup.token, [y, m, x].map((id) => cmd('assign', { caseId: id, assigneeId: 'u-clerk-2', reason: '改派处理' })));
      await waitUntil(async () => (await lockWaiters(central.db)) > 0);
      // Meanwhile the clerk claims x, in a younger transaction that commits first.
      const claim = value(await clerk.client.push(clerk.token, [cmd('claim', { caseId: x })])).results[0]!;
      expect(claim.status).toBe('accepted');
      await holder.query('ROLLBACK');
      expect(value(await assign).results.map((o) => o.status)).toEqual(['accepted', 'accepted', 'accepted']);
    } finally {
      await holder.end();
    }

    const page = value(await clerk.client.changes(clerk.token, start, 2000));
    const ofX = page.changes.filter((c) => c.caseId === x);
    expect(ofX.map((c) => c.events.map((e) => e.action).join('+'))).toEqual(['claimed', 'assigned']);
    expect(ofX.map((c) => c.version)).toEqual([...ofX.map((c) => c.version)].sort((a, b) => a - b));

    // A desktop pulling the feed appends x's entries to its audit chain in the order they happened.
    const d = syncHost(central.url, { clock: central.clock });
    try {
      const t = await d.login('zhouyan');
      await d.sync.syncNow();
      const seen = value(await d.call('case:get', t, { caseId: x }));
      expect(seen.history.slice(-2).map((e) => e.action)).toEqual(['claimed', 'assigned']);
      expect(seen.assigneeName).toBe(page.changes.at(-1)!.case.assigneeName);
    } finally {
      d.close();
    }
  });

  it('refuses, with 40001 and a clear message, a write over a case a younger transaction changed and committed', async () => {
    const [row] = await central.db.query<{ id: string }>("SELECT id FROM cases WHERE state = 'submitted' AND assignee_id IS NULL ORDER BY id DESC LIMIT 1");
    const id = row!.id;
    const older = new pg.Client({ connectionString: central.dbUrl });
    const younger = new pg.Client({ connectionString: central.dbUrl });
    await Promise.all([older.connect(), younger.connect()]);
    try {
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      await younger.query('BEGIN');
      await younger.query('UPDATE cases SET priority = priority WHERE id = $1', [id]);
      await younger.query('COMMIT');
      const e = await older.query('UPDATE cases SET priority = priority WHERE id = $1', [id]).then(
        () => null,
        (err: unknown) => err as { code?: string; message?: string },
      );
      expect(e).toMatchObject({ code: '40001' });
      expect(e!.message).toContain(id);
      expect(e!.message).toMatch(/较新的事务/);
      await older.query('ROLLBACK');
      // The retry, with a new xid, writes.
      await older.query('BEGIN');
      await older.query('UPDATE cases SET priority = priority WHERE id = $1', [id]);
      await older.query('COMMIT');
    } finally {
      await Promise.all([older.end(), younger.end()]);
    }
  });

  it('lets an older transaction write a case nobody younger changed, and a row frozen by VACUUM FREEZE', async () => {
    const [row] = await central.db.query<{ id: string }>("SELECT id FROM cases WHERE state = 'submitted' AND assignee_id IS NULL ORDER BY id DESC LIMIT 1 OFFSET 1");
    const id = row!.id;
    await central.db.query('VACUUM (FREEZE) cases');
    const older = new pg.Client({ connectionString: central.dbUrl });
    const younger = new pg.Client({ connectionString: central.dbUrl });
    await Promise.all([older.connect(), younger.connect()]);
    try {
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      await younger.query('BEGIN');
      await younger.query('SELECT pg_current_xact_id()');
      await younger.query('COMMIT');
      await older.query('UPDATE cases SET priority = priority WHERE id = $1', [id]);
      await older.query('COMMIT');
    } finally {
      await Promise.all([older.end(), younger.end()]);
    }
    await expectSameTransactionWritesPass(central.db, id);
    await expectExactCheck(central.db);
  });
});

describe('the feed-order trigger on PGlite', () => {
  it('migrates, and never refuses a transaction’s own writes (even from a savepoint)', async () => {
    const where = await freshCentralDb('pglite', null); // a copy of a folder migrated on PGlite
    const db = await where.open();
    try {
      const [t] = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = 'cases'::regclass AND tgname = 'cases_feed_in_commit_order' AND tgenabled = 'O'",
      );
      expect(t!.n).toBe(1);
      await db.setSessionSetup(prepareAllSql());
      await seedCentralDemo(db, { cases: 5, now: Date.parse('2026-11-24T02:00:00.000Z') });
      const [row] = await db.query<{ id: string }>('SELECT id FROM cases ORDER BY id LIMIT 1');
      await db.query('UPDATE cases SET priority = priority WHERE id = $1', [row!.id]);
      await expectSameTransactionWritesPass(db, row!.id);
      await expectExactCheck(db);
    } finally {
      await db.close();
      where.remove();
    }
  });
});

/**
 * A case written twice in one transaction, the first time inside a savepoint: its xmin is then the
 * subtransaction's xid, younger than the transaction's own, so the cheap test fires and the exact one must
 * pass it.
 */
async function expectSameTransactionWritesPass(db: CentralDb, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SAVEPOINT s');
    await tx.query('UPDATE cases SET priority = priority WHERE id = $1', [id]);
    await tx.query('RELEASE SAVEPOINT s');
    const [r] = await tx.query<{ fired: boolean }>('SELECT age(xmin) < 0 AS fired FROM cases WHERE id = $1', [id]);
    expect(r!.fired).toBe(true);
    await tx.query('UPDATE cases SET priority = priority WHERE id = $1', [id]);
  });
}

/** The exact test behind the cheap one, on xids it cannot otherwise meet in a test. */
async function expectExactCheck(db: CentralDb): Promise<void> {
  await db.transaction(async (tx) => {
    const [r] = await tx.query<Record<string, boolean>>(
      `WITH me AS (SELECT pg_current_xact_id()::text::bigint AS x)
       SELECT cases_written_by_younger_xact(((x % 4294967296))::text::xid) AS own,
              cases_written_by_younger_xact(((x - 1) % 4294967296)::text::xid) AS older,
              -- A frozen row's xmin from more than 2^31 transactions ago looks, modulo 2^32, as if it were
              -- ahead of us: never assigned yet, so it is not a younger writer.
              cases_written_by_younger_xact(((x + 1000000) % 4294967296)::text::xid) AS ahead,
              cases_written_by_younger_xact('2'::xid) AS frozen
       FROM me`,
    );
    expect(r).toEqual({ own: false, older: false, ahead: false, frozen: false });
  });
}

async function lockWaiters(db: CentralDb): Promise<number> {
  const [r] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()");
  return r!.n;
}

async function waitUntil(ok: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
