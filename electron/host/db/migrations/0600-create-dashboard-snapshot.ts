import type { Migration } from './index';

/**
 * One saved copy of the supervisor dashboard's folded audit trail (electron/host/dashboard), so a restarted
 * host does not fold a million audit rows again. It is a cache: `last_seq` and `last_hash` name the audit row
 * it reaches, and a copy that does not match the trail, the calendar and SLA policy, or the format is ignored.
 */
export const m0600CreateDashboardSnapshot: Migration = {
  version: 600,
  name: 'create-dashboard-snapshot',
  up(db) {
    db.exec(`
      CREATE TABLE dashboard_snapshot (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        format INTEGER NOT NULL,
        policy TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        last_hash TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        meta TEXT NOT NULL,
        columns BLOB NOT NULL
      ) STRICT;
    `);
  },
};
