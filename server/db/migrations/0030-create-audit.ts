import type { CentralMigration } from './index';

/**
 * The server's audit trail, hash-chained per case: each entry carries the hash of the case's previous entry
 * (shared/audit/audit-entry.ts computes the hash, as on the desktop). One chain per case, not one for the
 * whole server, because a global chain would make every write in the factory wait for the one before it.
 */
export const m0030CreateAudit: CentralMigration = {
  version: 30,
  name: 'create-audit',
  sql: `
    CREATE TABLE audit (
      id bigserial PRIMARY KEY,
      case_id text NOT NULL,
      case_seq int NOT NULL,
      at text NOT NULL,
      actor_id text NOT NULL,
      actor_name text NOT NULL,
      action text NOT NULL,
      command_id text,
      from_state text,
      to_state text,
      details text NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      UNIQUE (case_id, case_seq)
    );
    CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
      FOR EACH ROW EXECUTE FUNCTION refuse_change();
  `,
};
