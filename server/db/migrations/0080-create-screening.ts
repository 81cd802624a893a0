import type { CentralMigration } from './index';

/**
 * Screening on the central server (风险筛查 · 测额 · 定价). Versions of the screening policy as JSON, the newest
 * in force (version 1, the shipped default, is written at start like the authority matrix's); each version
 * is immutable so a result can name the version it used. One row per screening of a case: the headline
 * figures as columns, the whole evaluation as JSON, and the id of the `completeScreening` command that
 * recorded its outcome — unique, so a case entering screening once is screened once, whichever instance
 * gets to it.
 */
export const m0080CreateScreening: CentralMigration = {
  version: 80,
  name: 'create-screening',
  sql: `
    CREATE TABLE screening_rule_sets (
      version int PRIMARY KEY,
      policy jsonb NOT NULL,
      note text NOT NULL,
      created_by text NOT NULL,
      created_at text NOT NULL
    );
    CREATE TRIGGER screening_rule_sets_immutable BEFORE UPDATE OR DELETE ON screening_rule_sets
      FOR EACH ROW EXECUTE FUNCTION refuse_change();

    CREATE TABLE screening_results (
      id bigserial PRIMARY KEY,
      case_id text NOT NULL REFERENCES cases (id),
      command_id text NOT NULL UNIQUE,
      rule_set_version int NOT NULL REFERENCES screening_rule_sets (version),
      screened_at text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('approval', 'investigation', 'declined')),
      team text NOT NULL,
      risk_grade text NOT NULL,
      limit_fen bigint NOT NULL CHECK (limit_fen >= 0),
      rate_bp int NOT NULL,
      quota_exempt boolean NOT NULL,
      result jsonb NOT NULL
    );
    CREATE INDEX screening_results_case ON screening_results (case_id, id);
    CREATE TRIGGER screening_results_append_only BEFORE UPDATE OR DELETE ON screening_results
      FOR EACH ROW EXECUTE FUNCTION refuse_change();
  `,
};
