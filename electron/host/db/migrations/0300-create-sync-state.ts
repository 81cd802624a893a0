import type { Migration } from './index';

/**
 * What the sync client keeps between runs: its cursor in the server's change feed and the server it is
 * bound to (`sync_state`), the commands the server refused with its reasons (`sync_rejections`, listed to
 * the user), and when each user's password was last confirmed by the server (`offline_logins`: the cached
 * verifier in users.password_hash is honoured offline only for a limited time after that).
 */
export const m0300CreateSyncState: Migration = {
  version: 300,
  name: 'create-sync-state',
  up(db) {
    db.exec(`
      CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sync_rejections (
        command_id TEXT PRIMARY KEY,
        command TEXT NOT NULL,
        case_id TEXT,
        actor_id TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        message_en TEXT NOT NULL,
        details TEXT,
        created_at TEXT NOT NULL,
        rejected_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sync_rejections_actor ON sync_rejections (actor_id, rejected_at);
      CREATE TABLE offline_logins (
        user_id TEXT PRIMARY KEY REFERENCES users(id),
        verified_at INTEGER NOT NULL
      ) STRICT;
      -- "Does this case still have commands waiting for the server?" is asked for every change pulled.
      CREATE INDEX outbox_pending_case ON outbox (case_id) WHERE status = 'pending';
    `);
  },
};
