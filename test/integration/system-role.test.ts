import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_USER } from '../../shared/auth/system-user';
import { migrate } from '../../electron/host/db/migrate';
import { MIGRATIONS } from '../../electron/host/db/migrations';
import { migrateCentral } from '../../server/db/migrate';
import { CENTRAL_MIGRATIONS } from '../../server/db/migrations';
import { openPostgres } from '../../server/db/postgres-db';
import { prepareAllSql } from '../../server/db/statements';
import { seedCentralDemo } from '../../server/demo/central-demo';
import { startPostgres, type PgCluster } from './support/postgres';
import { tempHost, type TempHost } from './support/temp-host';

/**
 * The system user (branch intake, automatic screening) holds the `system` role and no administrator does:
 * stores and central databases seeded while it was an `admin` are moved over by a migration.
 */
describe('the system user’s role', () => {
  let pg: PgCluster;
  const dirs: string[] = [];
  beforeAll(async () => {
    pg = await startPostgres();
  }, 120_000);
  afterAll(() => {
    pg?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('is moved from admin to system in a desktop store seeded before, and nobody else’s roles change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfw-system-role-'));
    dirs.push(dir);
    const db = new Database(join(dir, 'store.db'));
    migrate(db, MIGRATIONS.filter((m) => m.version < 80));
    const insert = db.prepare("INSERT INTO users (id, username, display_name, roles, team, password_hash, created_at) VALUES (?, ?, ?, ?, NULL, NULL, '2026-11-23T00:00:00Z')");
    insert.run('system', 'system', '系统', '["admin"]');
    insert.run('u-admin-1', 'admin', '系统管理员', '["admin"]');
    expect(migrate(db)).toContain(80);
    const roles = db.prepare('SELECT id, roles FROM users ORDER BY id').all();
    expect(roles).toEqual([
      { id: 'system', roles: '["system"]' },
      { id: 'u-admin-1', roles: '["admin"]' },
    ]);
    db.close();
  });

  it('is moved from admin to system in a central database seeded before (PostgreSQL)', async () => {
    const db = openPostgres({ url: await pg.createDatabase('system_role_old'), maxConnections: 2 });
    try {
      await migrateCentral(db, CENTRAL_MIGRATIONS.filter((m) => m.version < 100));
      await db.query(
        "INSERT INTO users (id, username, display_name, roles, created_at) VALUES ('system', 'system', '系统', '[\"admin\"]', 'x'), ('u-admin-1', 'admin', '系统管理员', '[\"admin\"]', 'x')",
      );
      await migrateCentral(db);
      expect(await db.query('SELECT id, roles FROM users ORDER BY id')).toEqual([
        { id: 'system', roles: ['system'] },
        { id: 'u-admin-1', roles: ['admin'] },
      ]);
    } finally {
      await db.close();
    }
  });

  it('is system in a freshly seeded central database and desktop store, where no one else holds it', async () => {
    const db = openPostgres({ url: await pg.createDatabase('system_role_new'), maxConnections: 2 });
    try {
      await migrateCentral(db);
      await db.setSessionSetup(prepareAllSql());
      await seedCentralDemo(db, { cases: 5, now: Date.parse('2026-11-23T02:00:00Z') });
      const rows = await db.query<{ id: string; roles: string[] }>('SELECT id, roles FROM users');
      expect(rows.find((r) => r.id === SYSTEM_USER.id)!.roles).toEqual(['system']);
      expect(rows.filter((r) => r.roles.includes('system')).map((r) => r.id)).toEqual(['system']);
    } finally {
      await db.close();
    }
    let h: TempHost | undefined;
    try {
      h = await tempHost({ cases: 5 });
      const store = new Database(h.dbFile, { readonly: true });
      const rows = store.prepare('SELECT id, roles FROM users').all() as { id: string; roles: string }[];
      store.close();
      expect(rows.filter((r) => (JSON.parse(r.roles) as string[]).includes('system')).map((r) => r.id)).toEqual(['system']);
    } finally {
      h?.close();
    }
  });
});
