import { DEFAULT_POLICY } from '../../../../shared/screening/default-policy';
import type { Migration } from './index';

/**
 * Versions of the screening policy (rules, limit, pricing, grading and routing parameters) as JSON. An edit
 * inserts a new version and never changes an old one, so every screening result can name the version it
 * used and read it back as it was.
 */
export const m0500CreateScreeningRuleSets: Migration = {
  version: 500,
  name: 'create-screening-rule-sets',
  up(db) {
    db.exec(`
      CREATE TABLE screening_rule_sets (
        version INTEGER PRIMARY KEY,
        policy TEXT NOT NULL,
        note TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER screening_rule_sets_no_update BEFORE UPDATE ON screening_rule_sets BEGIN SELECT RAISE(ABORT, 'screening rule sets are immutable'); END;
      CREATE TRIGGER screening_rule_sets_no_delete BEFORE DELETE ON screening_rule_sets BEGIN SELECT RAISE(ABORT, 'screening rule sets are immutable'); END;
    `);
    db.prepare('INSERT INTO screening_rule_sets (version, policy, note, created_by, created_at) VALUES (1, ?, ?, ?, ?)').run(
      JSON.stringify(DEFAULT_POLICY),
      '初始版本 / initial version',
      'system',
      '2026-01-01T00:00:00.000Z',
    );
  },
};
