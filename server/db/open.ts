import type { CentralDb } from './central-db';
import { openPglite } from './pglite-db';
import { openPostgres } from './postgres-db';

/** `CENTRAL_DATABASE_URL=postgres://…` (or `url`) for PostgreSQL; otherwise PGlite in `dataDir`. */
export async function openCentralDb(opts: { url?: string; dataDir: string; maxConnections?: number }): Promise<CentralDb> {
  if (opts.url) {
    if (!/^postgres(ql)?:\/\//.test(opts.url)) throw new Error('CENTRAL_DATABASE_URL 须以 postgres:// 开头 / CENTRAL_DATABASE_URL must start with postgres://');
    return openPostgres({ url: opts.url, maxConnections: opts.maxConnections });
  }
  return openPglite(opts.dataDir);
}
