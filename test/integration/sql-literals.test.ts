import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralDb } from '../../server/db/central-db';
import { migrateCentral } from '../../server/db/migrate';
import { lit, litJson, litTextArray } from '../../server/db/sql-literal';
import { BACKENDS, freshCentralDb } from './support/central';
import { startPostgres, type PgCluster } from './support/postgres';

let pg: PgCluster;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

/** Text a user could type into any field, aimed at the literal builders' quoting. */
const HOSTILE = [
  "O'Brien",
  "'); DROP TABLE cases; --",
  'C:\\temp\\new',
  "\\'; DROP TABLE x; --",
  '$cfw$ DROP TABLE cases; $cfw$',
  'ends with $cfw',
  '$$ $1 $tag$',
  '张敏 · 𠮷野家 😀',
  'line\nbreak\ttab "quoted"',
];

describe.each(BACKENDS)('SQL literals read back by the database (%s)', (backend) => {
  let db: CentralDb;
  let remove: () => void;
  beforeAll(async () => {
    const fresh = await freshCentralDb(backend, backend === 'postgres' ? pg : null);
    db = await fresh.open();
    if (backend === 'postgres') await migrateCentral(db);
    remove = fresh.remove;
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    remove?.();
  });

  it('gives back exactly the text, JSON and arrays they were built from, in one multi-statement round trip', async () => {
    const json = { texts: HOSTILE, nested: { [HOSTILE[4]!]: HOSTILE[1] }, n: 12_345, none: null };
    const rows = await db.transaction((tx) =>
      tx.batch([`SELECT ${litJson(json)} AS v`, `SELECT ${litTextArray(HOSTILE)} AS v`, ...HOSTILE.map((t) => `SELECT ${lit(t)} AS v`)].join(';\n')),
    );
    expect(rows.map((r) => r[0]!.v)).toEqual([json, HOSTILE, ...HOSTILE]);
    // Nothing ran but the selects: the cases table is still there.
    expect(await db.query('SELECT count(*)::int AS n FROM cases')).toEqual([{ n: 0 }]);
  });
});
