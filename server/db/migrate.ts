import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_AUTHORITY_RULES } from '../../shared/approval/authority';
import type { CentralDb } from './central-db';
import { CENTRAL_MIGRATIONS, type CentralMigration } from './migrations';

/** Advisory lock key: instances starting together migrate one after the other, never twice. */
const MIGRATION_LOCK = 72_000_701;

/**
 * Applies pending migrations in one transaction under an advisory lock and records them in
 * schema_migrations. A database migrated by a newer server is refused rather than guessed at.
 */
export async function migrateCentral(db: CentralDb, migrations: readonly CentralMigration[] = CENTRAL_MIGRATIONS): Promise<number> {
  const latest = migrations[migrations.length - 1]!.version;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
    const [row] = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const current = row?.v ?? 0;
    if (current > latest) {
      throw new Error(`中央数据库版本 ${current} 高于本服务器支持的 ${latest}，请升级服务器 / Central database version ${current} is newer than this server (${latest})`);
    }
    for (const m of migrations.filter((x) => x.version > current)) {
      await tx.batch(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
    }
    return latest;
  });
}

export interface ServerSettings {
  /** Names this database; a desktop bound to one central server refuses to sync with another. */
  serverId: string;
  /** HMAC key of session tokens, shared by every instance through the database. */
  tokenSecret: Buffer;
}

/** Reads the shared settings, creating them on first start (the first instance to commit wins). */
export async function loadSettings(db: CentralDb, envSecret?: string): Promise<ServerSettings> {
  // Version 1 of the authority matrix as shipped, the first time any instance starts.
  await db.query(
    `INSERT INTO authority_matrix (version, rules, note, created_by, created_at) VALUES (1, $1, '初始版本 / as shipped', 'system', $2)
     ON CONFLICT (version) DO NOTHING`,
    [JSON.stringify(DEFAULT_AUTHORITY_RULES), new Date().toISOString()],
  );
  await db.query(
    `INSERT INTO server_settings (key, value) VALUES ('server_id', $1), ('token_secret', $2) ON CONFLICT (key) DO NOTHING`,
    [randomUUID(), randomBytes(32).toString('base64')],
  );
  const rows = await db.query<{ key: string; value: string }>(`SELECT key, value FROM server_settings WHERE key IN ('server_id', 'token_secret')`);
  const get = (k: string) => rows.find((r) => r.key === k)!.value;
  return {
    serverId: get('server_id'),
    tokenSecret: envSecret ? Buffer.from(envSecret, 'utf8') : Buffer.from(get('token_secret'), 'base64'),
  };
}
