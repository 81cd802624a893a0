import type { Migration } from './index';

/**
 * The system user (branch intake, automatic screening) held `admin` until the `system` role existed
 * (shared/auth/roles.ts); a store seeded before keeps its row in step with shared/auth/system-user.ts.
 */
export const m0080GiveSystemUserItsRole: Migration = {
  version: 80,
  name: 'give-system-user-its-role',
  up(db) {
    db.prepare(`UPDATE users SET roles = '["system"]' WHERE id = 'system'`).run();
  },
};
