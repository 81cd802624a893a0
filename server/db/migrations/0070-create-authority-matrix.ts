import type { CentralMigration } from './index';

/**
 * Versions of the authority matrix (who may confirm which amounts); the newest is in force. The server
 * decides with its own copy, so every desktop's optimistic decision is re-checked against one version.
 */
export const m0070CreateAuthorityMatrix: CentralMigration = {
  version: 70,
  name: 'create-authority-matrix',
  sql: `
    CREATE TABLE authority_matrix (
      version int PRIMARY KEY,
      rules jsonb NOT NULL,
      note text NOT NULL,
      created_by text NOT NULL,
      created_at text NOT NULL
    );
  `,
};
