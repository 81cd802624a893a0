import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE } from '../host';

/**
 * A local store that holds cases but belongs to no central server (made standalone, e.g. by an older
 * `npm start`), or — for the embedded server only — to another one, cannot become that server's replica:
 * its cases and outbox were never the server's. It is set aside (renamed, never deleted) so the desktop
 * starts a fresh replica. Returns the new name, or null if the store could stay.
 */
export function setAsideForeignStore(dataDir: string, embeddedServerId: string | null): string | null {
  const file = join(dataDir, DB_FILE);
  if (!existsSync(file)) return null;
  let boundTo: string | null = null;
  let hasCases = false;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    hasCases = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n > 0;
    const row = db.prepare("SELECT value FROM sync_state WHERE key = 'server_id'").get() as { value: string } | undefined;
    boundTo = row?.value ?? null;
  } catch {
    // An older schema without sync_state: standalone.
  } finally {
    db.close();
  }
  const foreign = boundTo === null ? hasCases : embeddedServerId !== null && boundTo !== embeddedServerId;
  if (!foreign) return null;
  const aside = `${file}.${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}
