import type { CentralMigration } from './index';

/**
 * Every command a client pushed, by its client-generated id, with the answer it got. The primary key is
 * what makes a command take effect exactly once: a repeated id finds its row and gets the first answer.
 */
export const m0040CreateCommands: CentralMigration = {
  version: 40,
  name: 'create-commands',
  sql: `
    CREATE TABLE commands (
      command_id text PRIMARY KEY,
      user_id text NOT NULL,
      name text NOT NULL,
      case_id text,
      status text NOT NULL CHECK (status IN ('accepted', 'rejected')),
      error jsonb,
      client_created_at text,
      received_at bigint NOT NULL
    );
    CREATE INDEX commands_case ON commands (case_id);
  `,
};
