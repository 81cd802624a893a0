import type { Migration } from './index';

/**
 * User administration. On a standalone desktop every edit raises `version`, and an edit names the one it
 * started from. A synced desktop keeps the server's `password_changed_at`, so an offline verifier of a
 * password an administrator has since replaced is forgotten (sync/sync-store.ts). A password an
 * administrator set must be changed by its user before anything else (`must_change_password`).
 */
export const m0085AddUserVersions: Migration = {
  version: 85,
  name: 'add-user-versions',
  up(db) {
    db.exec(`
      ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE users ADD COLUMN password_changed_at INTEGER; -- epoch ms, the central server's clock
      ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
