import type { CentralMigration } from './index';

/**
 * User administration: every edit raises `version` (an administrator's edit names the version it started
 * from, so two administrators cannot overwrite each other unseen), and `password_changed_at` tells desktops
 * to forget an offline verifier kept from before a reset. A password an administrator set must be changed
 * by its user before anything else (`must_change_password`).
 */
export const m0120AddUserVersions: CentralMigration = {
  version: 120,
  name: 'add-user-versions',
  sql: `
    ALTER TABLE users ADD COLUMN version int NOT NULL DEFAULT 1;
    ALTER TABLE users ADD COLUMN password_changed_at bigint;
    ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
  `,
};
