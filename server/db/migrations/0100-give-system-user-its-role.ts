import type { CentralMigration } from './index';

/**
 * The system user (branch intake, automatic screening) held `admin` until the `system` role existed
 * (shared/auth/roles.ts); a database seeded before keeps its row in step with shared/auth/system-user.ts.
 */
export const m0100GiveSystemUserItsRole: CentralMigration = {
  version: 100,
  name: 'give-system-user-its-role',
  sql: `UPDATE users SET roles = '["system"]'::jsonb WHERE id = 'system'`,
};
