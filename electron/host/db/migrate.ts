import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

/**
 * Applies every migration the store has not had yet, in version order, in one transaction, and records each
 * in `schema_migrations`. Capabilities own number ranges (0100 documents, 0200 contracts, …), so a store can
 * legitimately be missing a lower number than its highest; tracking each version (not only a high-water
 * mark) applies it anyway. A store that has a migration this app does not know was written by a newer app
 * and is refused rather than guessed at. PRAGMA user_version mirrors the highest version for tools.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...applied].filter((v) => !known.has(v)).sort((a, b) => a - b);
  if (unknown.length > 0) {
    throw new Error(
      `数据库包含本程序不认识的结构版本 ${unknown.join(', ')}，请升级工作台 / The database has schema versions this app does not know (${unknown.join(', ')}); please upgrade the workbench`,
    );
  }
  const pending = migrations.filter((m) => !applied.has(m.version));
  if (pending.length === 0) return [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      record.run(m.version, m.name, new Date().toISOString());
    }
    db.pragma(`user_version = ${Math.max(...known)}`);
  })();
  return pending.map((m) => m.version);
}
