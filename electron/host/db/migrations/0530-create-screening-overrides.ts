import type { Migration } from './index';

/**
 * Officers' overrides of a screening's limit or rate, each with its reason and the command that audited it.
 * The figures in force are the latest override of each, else the screening's own.
 */
export const m0530CreateScreeningOverrides: Migration = {
  version: 530,
  name: 'create-screening-overrides',
  up(db) {
    db.exec(`
      CREATE TABLE screening_overrides (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        result_id INTEGER NOT NULL REFERENCES screening_results(id),
        limit_fen INTEGER,
        rate_bp INTEGER,
        reason TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        at TEXT NOT NULL,
        command_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX screening_overrides_case ON screening_overrides (case_id, id);
    `);
  },
};
