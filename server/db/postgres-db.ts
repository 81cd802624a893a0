import pg from 'pg';
import type { CentralDb, Row, Tx } from './central-db';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * int8 comes back as a JS number (ids, counts and epoch milliseconds all stay far below 2^53); other types
 * keep node-postgres's parsers (xid8 stays a string, which is what the feed cursor wants).
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
} as pg.CustomTypesConfig;

export interface PostgresOptions {
  url: string;
  /** Connections per server instance (default 20). */
  maxConnections?: number;
}

function rowsOf(result: pg.QueryResult | pg.QueryResult[]): Row[][] {
  const list = Array.isArray(result) ? result : [result];
  return list.map((r) => (r.rows ?? []) as Row[]);
}

/** PostgreSQL through a `pg` pool: one pooled connection per transaction. */
export function openPostgres(opts: PostgresOptions): CentralDb {
  const pool = new pg.Pool({ connectionString: opts.url, max: opts.maxConnections ?? 20, types });
  // A connection that dies while idle (server restart, network) is dropped from the pool, not fatal.
  pool.on('error', () => {});
  let setup: string | null = null;
  const ready = new WeakSet<pg.PoolClient>();

  return {
    kind: 'postgres',
    async query<R>(text: string, params?: readonly unknown[]) {
      const r = await pool.query(text, params as unknown[] | undefined);
      return r.rows as R[];
    },
    async setSessionSetup(sql: string) {
      setup = sql;
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      if (setup !== null && !ready.has(client)) {
        try {
          await client.query(setup);
        } catch (e) {
          client.release(e instanceof Error ? e : new Error(String(e)));
          throw e;
        }
        ready.add(client);
      }
      let begun = false;
      let finished = false;
      const tx: Tx = {
        async query<R>(text: string, params?: readonly unknown[]) {
          if (!begun) {
            await client.query('BEGIN');
            begun = true;
          }
          const r = await client.query(text, params as unknown[] | undefined);
          return r.rows as R[];
        },
        async batch(sql: string) {
          // BEGIN rides along with the first batch: one round trip fewer for every transaction.
          if (!begun) {
            begun = true;
            return rowsOf(await client.query(`BEGIN;\n${sql}`)).slice(1);
          }
          return rowsOf(await client.query(sql));
        },
        async commitWith(sql: string) {
          const prefix = begun ? '' : 'BEGIN;\n';
          const all = rowsOf(await client.query(`${prefix}${sql};\nCOMMIT`));
          begun = true;
          finished = true;
          return all.slice(prefix ? 1 : 0, -1);
        },
      };
      try {
        const value = await fn(tx);
        if (begun && !finished) await client.query('COMMIT');
        client.release();
        return value;
      } catch (e) {
        let broken: Error | undefined;
        if (begun) {
          // After an error inside a multi-statement COMMIT batch the transaction is aborted: roll it back.
          await client.query('ROLLBACK').catch((re: unknown) => {
            broken = re instanceof Error ? re : new Error(String(re));
          });
        }
        client.release(broken);
        throw e;
      }
    },
    async close() {
      await pool.end();
    },
  };
}
