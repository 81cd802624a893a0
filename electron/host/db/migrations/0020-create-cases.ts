import type { Migration } from './index';

/**
 * One row per application. The columns the queues filter and sort on are real columns with indexes;
 * the full application as taken by the branch is kept as JSON in `case_data`. Indexes end in the rowid,
 * which the queues use as their tie-breaker so that ORDER BY never needs a sort of its own.
 */
export const m0020CreateCases: Migration = {
  version: 20,
  name: 'create-cases',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        app_no TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL,
        version INTEGER NOT NULL,
        team TEXT NOT NULL,
        product_code TEXT NOT NULL,
        segment TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        branch_code TEXT NOT NULL,
        branch_name TEXT NOT NULL,
        customer_name TEXT NOT NULL,
        applicant_name TEXT NOT NULL,
        id_number TEXT NOT NULL,
        credit_code TEXT,
        priority INTEGER NOT NULL DEFAULT 0,
        assignee_id TEXT,
        assignee_name TEXT,
        checked_by TEXT,
        submitted_at TEXT NOT NULL,
        stage_entered_at TEXT NOT NULL,
        sla_due_at TEXT,
        return_count INTEGER NOT NULL DEFAULT 0,
        proposal TEXT
      ) STRICT;
      -- Kept apart so queue scans read narrow rows: the full application is only read for one case at a time.
      CREATE TABLE case_data (
        case_id TEXT PRIMARY KEY REFERENCES cases(id),
        data TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cases_state_next ON cases (state, priority DESC, sla_due_at);
      CREATE INDEX cases_team_state ON cases (team, state, priority DESC, sla_due_at);
      CREATE INDEX cases_assignee ON cases (assignee_id, state);
      CREATE INDEX cases_id_number ON cases (id_number);
      CREATE INDEX cases_credit_code ON cases (credit_code);
      CREATE INDEX cases_submitted ON cases (submitted_at);
      CREATE INDEX cases_sla ON cases (sla_due_at);
      CREATE INDEX cases_amount ON cases (amount_fen);
      CREATE INDEX cases_customer ON cases (customer_name);
      CREATE INDEX cases_branch ON cases (branch_name);
      CREATE INDEX cases_product ON cases (product_code, state);
    `);
  },
};
