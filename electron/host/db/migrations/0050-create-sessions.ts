import type { Migration } from './index';

/** Login sessions. Only a hash of the token is stored, so a copy of the file does not yield live tokens. */
export const m0050CreateSessions: Migration = {
  version: 50,
  name: 'create-sessions',
  up(db) {
    db.exec(`
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        ended INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};
