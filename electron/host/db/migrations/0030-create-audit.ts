import type { Migration } from './index';

/**
 * Append-only, hash-chained audit trail: each row carries the hash of the previous one, so an edit or a
 * deletion anywhere breaks the chain from that row on. Triggers refuse UPDATE and DELETE through SQL.
 */
export const m0030CreateAudit: Migration = {
  version: 30,
  name: 'create-audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        action TEXT NOT NULL,
        case_id TEXT,
        command_id TEXT,
        from_state TEXT,
        to_state TEXT,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_case ON audit (case_id, seq);
      CREATE INDEX audit_at ON audit (at);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
    `);
  },
};
