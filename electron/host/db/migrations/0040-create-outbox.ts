import type { Migration } from './index';

/** Commands accepted locally, waiting to be pushed to the central server (exactly once, by command_id). */
export const m0040CreateOutbox: Migration = {
  version: 40,
  name: 'create-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,
        command_id TEXT NOT NULL UNIQUE,
        command TEXT NOT NULL,
        case_id TEXT,
        actor_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        result TEXT
      ) STRICT;
      CREATE INDEX outbox_status ON outbox (status, seq);
    `);
  },
};
