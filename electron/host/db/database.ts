import Database from 'better-sqlite3';
import { migrate } from './migrate';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the local store. WAL keeps readers off the writer's back; synchronous=FULL
 * makes every acknowledged command durable even if the machine loses power, not only if the process dies.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  // Keeps the planner's statistics fresh so queue filters pick the selective index (cheap when up to date).
  db.pragma('optimize=0x10002');
  return db;
}
