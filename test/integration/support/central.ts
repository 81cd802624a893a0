import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCentralServer, type CentralServer } from '../../../server/central-server';
import type { ServerConfig } from '../../../server/config';
import type { CentralDb } from '../../../server/db/central-db';
import { migrateCentral } from '../../../server/db/migrate';
import { openPglite } from '../../../server/db/pglite-db';
import { openPostgres } from '../../../server/db/postgres-db';
import type { PgCluster } from './postgres';

export type Backend = 'postgres' | 'pglite';
export const BACKENDS: Backend[] = ['postgres', 'pglite'];

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * A migrated PGlite data folder, built once per set of migrations and copied for each server: creating a
 * PGlite cluster takes seconds, copying one a fraction of that.
 */
async function pgliteTemplate(): Promise<string> {
  const migrations = join(root, 'server/db/migrations');
  const h = createHash('sha256');
  for (const f of readdirSync(migrations).sort()) h.update(f).update(readFileSync(join(migrations, f)));
  h.update(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json')));
  const dir = join(tmpdir(), `cfw-pglite-template-${h.digest('hex').slice(0, 16)}`);
  if (existsSync(join(dir, 'READY'))) return dir;
  const work = mkdtempSync(join(tmpdir(), 'cfw-pglite-build-'));
  const db = await openPglite(join(work, 'data'));
  await migrateCentral(db);
  await db.close();
  writeFileSync(join(work, 'READY'), '');
  try {
    renameSync(work, dir);
  } catch {
    rmSync(work, { recursive: true, force: true }); // another test file built it first
  }
  return dir;
}

/** A fresh PGlite data folder (already migrated). */
export async function pgliteDataDir(): Promise<string> {
  const template = await pgliteTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'cfw-pglite-'));
  cpSync(join(template, 'data'), join(dir, 'data'), { recursive: true });
  return join(dir, 'data');
}

let counter = 0;

/** Where a fresh central database lives: a PostgreSQL URL or a PGlite folder. */
export async function freshCentralDb(backend: Backend, pgCluster: PgCluster | null): Promise<{ url?: string; dataDir?: string; open(): Promise<CentralDb>; remove(): void }> {
  if (backend === 'postgres') {
    if (!pgCluster) throw new Error('PostgreSQL cluster not started');
    const url = await pgCluster.createDatabase(`central_${process.pid}_${++counter}`);
    return { url, open: async () => openPostgres({ url, maxConnections: 24 }), remove: () => {} };
  }
  const dataDir = await pgliteDataDir();
  return { dataDir, open: () => openPglite(dataDir), remove: () => rmSync(join(dataDir, '..'), { recursive: true, force: true }) };
}

export interface TestCentral {
  backend: Backend;
  /** The PostgreSQL URL (postgres backend), for a second instance on the same database. */
  dbUrl?: string;
  server: CentralServer;
  db: CentralDb;
  url: string;
  clock: { now: number };
  close(): Promise<void>;
}

/** A central server in this process on a fresh database, with a clock the test controls. */
export async function startCentral(backend: Backend, pgCluster: PgCluster | null, config: Partial<ServerConfig> = {}): Promise<TestCentral> {
  const where = await freshCentralDb(backend, pgCluster);
  const db = await where.open();
  const clock = { now: Date.parse('2026-11-24T02:00:00.000Z') };
  const server = await startCentralServer({ db, config: { leaseSweepMs: 0, now: () => clock.now, ...config } });
  return {
    backend,
    dbUrl: where.url,
    server,
    db,
    url: server.url,
    clock,
    async close() {
      await server.close();
      await db.close();
      where.remove();
    },
  };
}
