import type { CentralMigration } from './index';

/**
 * The change feed. Each row records the id of the transaction that wrote it (xid8). A reader returns only
 * rows of transactions older than the oldest one still running (the xmin of its snapshot) and orders by
 * (xid, id): a transaction that commits late cannot slip in behind a reader's cursor, however commits
 * interleave, and no in-memory counter or lock is needed — any number of server instances can write.
 */
export const m0050CreateChanges: CentralMigration = {
  version: 50,
  name: 'create-changes',
  sql: `
    CREATE TABLE changes (
      xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
      id bigserial NOT NULL,
      case_id text NOT NULL,
      command_id text NOT NULL,
      version int NOT NULL,
      payload text NOT NULL,
      PRIMARY KEY (xid, id)
    );
    CREATE INDEX changes_command ON changes (command_id);
  `,
};
