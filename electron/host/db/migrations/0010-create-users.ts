import type { Migration } from './index';

export const m0010CreateUsers: Migration = {
  version: 10,
  name: 'create-users',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        roles TEXT NOT NULL,              -- JSON array of roles
        team TEXT,                        -- retail | corporate | NULL (both)
        password_hash TEXT,               -- NULL: cannot log in (system users)
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,             -- epoch ms
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
