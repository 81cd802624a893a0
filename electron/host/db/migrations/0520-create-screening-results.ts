import type { Migration } from './index';

/**
 * One row per screening of a case: the outcome and headline figures as columns (for queries and metrics),
 * the whole evaluation (rule results with evidence, limit explanation, price breakdown) as JSON, and the
 * rule-set version it used. Rule hits get a narrow table of their own for rule-hit frequencies.
 */
export const m0520CreateScreeningResults: Migration = {
  version: 520,
  name: 'create-screening-results',
  up(db) {
    db.exec(`
      CREATE TABLE screening_results (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        rule_set_version INTEGER NOT NULL REFERENCES screening_rule_sets(version),
        screened_at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('approval', 'investigation', 'declined')),
        team TEXT NOT NULL,
        risk_grade TEXT NOT NULL,
        limit_fen INTEGER NOT NULL CHECK (limit_fen >= 0),
        rate_bp INTEGER NOT NULL,
        quota_exempt INTEGER NOT NULL,
        command_id TEXT NOT NULL,
        result TEXT NOT NULL
      ) STRICT;
      CREATE INDEX screening_results_case ON screening_results (case_id, id);
      CREATE TABLE screening_rule_hits (
        result_id INTEGER NOT NULL REFERENCES screening_results(id),
        case_id TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        result TEXT NOT NULL
      ) STRICT;
      CREATE INDEX screening_rule_hits_rule ON screening_rule_hits (rule_id, result);
      CREATE TRIGGER screening_results_no_update BEFORE UPDATE ON screening_results BEGIN SELECT RAISE(ABORT, 'screening results are immutable'); END;
    `);
  },
};
