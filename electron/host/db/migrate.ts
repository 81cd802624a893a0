import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

/**
 * Applies pending migrations in one transaction and records the schema version in PRAGMA user_version.
 * A database written by a newer app is refused rather than guessed at.
 */
export function migrate(db: Database.Database, target = MIGRATIONS[MIGRATIONS.length - 1]!.version): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  if (current > latest) {
    throw new Error(`数据库版本 ${current} 高于本程序支持的 ${latest}，请升级工作台 / Database version ${current} is newer than this app (${latest})`);
  }
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${pending[pending.length - 1]!.version}`);
  })();
  return pending[pending.length - 1]!.version;
}
