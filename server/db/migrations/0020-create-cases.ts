import type { CentralMigration } from './index';

/**
 * One row per case: the full CaseRecord that `decide` works on (`record`), plus the columns claims select
 * and order on. `lease_until` (epoch ms) makes a claim expire when its desktop stops renewing it.
 * `audit_seq`/`audit_hash` are the head of the case's audit chain, updated under the same row lock.
 */
export const m0020CreateCases: CentralMigration = {
  version: 20,
  name: 'create-cases',
  sql: `
    CREATE TABLE cases (
      id text PRIMARY KEY,
      app_no text NOT NULL UNIQUE,
      state text NOT NULL,
      version int NOT NULL,
      team text NOT NULL,
      priority int NOT NULL,
      sla_due_at text,
      assignee_id text,
      checked_by text,
      proposal_by text,
      lease_until bigint,
      record jsonb NOT NULL,
      audit_seq int NOT NULL,
      audit_hash text NOT NULL
    );
    -- Claim next: unassigned cases of a stage (or of a team's stage), most urgent first, read in index order.
    CREATE INDEX cases_claim_stage ON cases (state, priority DESC, sla_due_at, id) WHERE assignee_id IS NULL;
    CREATE INDEX cases_claim_team ON cases (team, state, priority DESC, sla_due_at, id) WHERE assignee_id IS NULL;
    CREATE INDEX cases_lease ON cases (lease_until) WHERE lease_until IS NOT NULL;
    CREATE INDEX cases_assignee ON cases (assignee_id) WHERE assignee_id IS NOT NULL;
  `,
};
