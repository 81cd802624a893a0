import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsers, queuedCases } from '../../server/demo/central-demo';
import { importCases } from '../../server/demo/import-cases';
import { DEMO_PASSWORD, DEMO_USERS } from '../../electron/host/demo/demo-users';
import { startCentral, type TestCentral } from './support/central';
import { syncHost, type SyncHost } from './support/sync-host';

/**
 * A fresh desktop catching up with many pages of the feed copies its WAL into the store once, at the end of
 * the catch-up (feed-puller.ts), and leaves SQLite's automatic checkpoints as they were for everything else.
 */
describe('a fresh desktop catching up (PGlite)', () => {
  let central: TestCentral;
  let desk: SyncHost;
  beforeAll(async () => {
    central = await startCentral('pglite', null);
    const at = new Date(central.clock.now).toISOString();
    await createUsers(central.db, DEMO_USERS.filter((u) => u.username === 'zhouyan').map((u) => ({ ...u, password: DEMO_PASSWORD })), at);
    await importCases(central.db, queuedCases(3_000, central.clock.now, 12), central.clock.now);
    desk = syncHost(central.url, { clock: central.clock });
  }, 120_000);
  afterAll(async () => {
    desk?.close();
    await central?.close();
  });

  it('pulls every change, then holds every page in the store file with automatic checkpoints as before', async () => {
    await desk.login('zhouyan');
    await desk.sync.syncNow();
    const db = desk.host.services.db;
    expect((db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(3_000);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // Every page of the store is in the main file: the WAL was copied in after the catch-up, not left for
    // the next command to copy (nor left waiting every 1,000 pages during it).
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    expect(statSync(join(desk.dataDir, 'workbench.sqlite')).size).toBe(pages * pageSize);
    expect(desk.host.services.audit.verify().ok).toBe(true);
  });
});
