/**
 * The central store: PostgreSQL through `pg`, or PGlite (the same SQL, embedded) in a data folder. Both
 * give the server the same small interface, so nothing above this file knows which one it talks to.
 */
export type Row = Record<string, unknown>;

export interface Tx {
  /** One parameterised statement. */
  query<R = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * Several statements in one round trip (values inlined with `sql-literal.ts`); one row list per
   * statement. The hot paths (claim, push) use it to keep a transaction to two or three round trips.
   */
  batch(sql: string): Promise<Row[][]>;
  /** Runs the last statements and commits in the same round trip. Nothing may follow it. */
  commitWith(sql: string): Promise<Row[][]>;
}

export interface CentralDb {
  readonly kind: 'postgres' | 'pglite';
  query<R = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * SQL every connection runs once before its first transaction (the PREPAREs of statements.ts). Called
   * after migrating, since the statements name the tables.
   */
  setSessionSetup(sql: string): Promise<void>;
  /** Runs `fn` in a transaction (READ COMMITTED); rolls back if it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL error codes the server reacts to (never matched by message text). */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK = '40P01';

export function pgErrorCode(e: unknown): string | null {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
    return (e as { code: string }).code;
  }
  return null;
}
