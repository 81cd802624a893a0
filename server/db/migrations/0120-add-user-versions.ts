import type { CentralMigration } from './index';

/**
 * User administration: every edit raises `version` (an administrator's edit names the version it started
 * from, so two administrators cannot overwrite each other unseen), and `password_changed_at` tells desktops
 * to forget an offline verifier kept from before a reset.
 */
export const m0120AddUserVersions: CentralMigration = {
  version: 120,
  name: 'add-user-versions',
  sql: `
    ALTER TABLE users ADD COLUMN version int NOT NULL DEFAULT 1;
    ALTER TABLE users ADD COLUMN password_changed_at bigint;
  `,
};
