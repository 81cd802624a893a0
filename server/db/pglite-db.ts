import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes, type Transaction } from '@electric-sql/pglite';
import type { CentralDb, Row, Tx } from './central-db';
import { lockFolder } from './folder-lock';

/**
 * PGlite: PostgreSQL compiled to WebAssembly, in this process, on a data folder. One process per folder
 * (it is not a server; `lockFolder` refuses a second); PGlite runs one statement at a time and its `transaction` holds a mutex, so
 * transactions never interleave — the row locks and SKIP LOCKED of the SQL are simply uncontended.
 */
export async function openPglite(dataDir: string): Promise<CentralDb> {
  mkdirSync(dataDir, { recursive: true });
  const release = lockFolder(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir, {
      // int8 as a JS number, as with `pg` (see postgres-db.ts).
      parsers: { [pgliteTypes.INT8]: (v: string) => Number(v) },
    });
  } catch (e) {
    release();
    throw e;
  }

  let setupDone = false;
  const wrap = (t: Transaction): Tx => ({
    async query<R>(text: string, params?: readonly unknown[]) {
      return (await t.query<R>(text, params as unknown[] | undefined)).rows;
    },
    async batch(sql: string) {
      return (await t.exec(sql)).map((r) => r.rows as Row[]);
    },
    async commitWith(sql: string) {
      // PGlite's transaction() commits when the callback returns.
      return (await t.exec(sql)).map((r) => r.rows as Row[]);
    },
  });

  return {
    kind: 'pglite',
    async setSessionSetup(sql: string) {
      // One connection: set it up now, once.
      if (setupDone) return;
      await db.exec(sql);
      setupDone = true;
    },
    async query<R>(text: string, params?: readonly unknown[]) {
      return (await db.query<R>(text, params as unknown[] | undefined)).rows;
    },
    transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return db.transaction((t) => fn(wrap(t)));
    },
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}
