import { USER_COLUMNS } from '../auth/user-rows';

/**
 * The hot statements, PREPAREd once on every connection and run as `EXECUTE cfw_<name>(…)` inside the
 * multi-statement batches: one round trip carries several statements, and none of them is planned again
 * (planning the claim query alone costs more than running it).
 */
const CASE_COLUMNS = 'id, record, audit_seq, audit_hash, lease_until';

const CASE_FIELDS = `state text, version int, team text, priority int, sla_due_at text, assignee_id text, checked_by text,
  proposal_by text, lease_until bigint, record jsonb, audit_seq int, audit_hash text`;
/** An updated case carries either its whole record or a patch of the top-level fields that changed (write-plan.ts). */
const UPDATED_CASE_FIELDS = `${CASE_FIELDS}, patch jsonb`;

/** Unclaimed cases of a queue, most urgent first, skipping rows other transactions hold. $1 user, $2 ids to pass over. */
function claimSql(where: string, sod: 'none' | 'approval' | 'confirm'): string {
  const notChecker = ` AND NOT (coalesce(record->'checkers', '[]'::jsonb) ? $1)`;
  const team = '(SELECT u.team FROM users u WHERE u.id = $1)';
  const filter =
    sod === 'approval' ? notChecker : sod === 'confirm' ? `${notChecker} AND proposal_by IS DISTINCT FROM $1 AND (${team} IS NULL OR team = ${team})` : '';
  return `SELECT ${CASE_COLUMNS} FROM cases WHERE assignee_id IS NULL AND ${where}${filter} AND id <> ALL($2)
    ORDER BY priority DESC, sla_due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`;
}

/** Up to $1 unclaimed cases of a queue for a batch of claims; who may hold which is decided per person in JS. */
function claimBatchSql(where: string): string {
  return `SELECT ${CASE_COLUMNS} FROM cases WHERE assignee_id IS NULL AND ${where}
    ORDER BY priority DESC, sla_due_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`;
}

export const STATEMENTS = {
  session: {
    params: ['text', 'text'],
    sql: `SELECT s.revoked_at, s.expires_at, ${USER_COLUMNS.split(', ').map((c) => `u.${c}`).join(', ')}
      FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1 AND u.id = $2`,
  },
  sessions: {
    params: ['text[]'],
    sql: `SELECT s.id AS sid, s.revoked_at, s.expires_at, ${USER_COLUMNS.split(', ').map((c) => `u.${c}`).join(', ')}
      FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ANY($1)`,
  },
  known_commands: {
    params: ['text[]'],
    sql: `SELECT c.command_id, c.user_id, c.status, c.error, ch.payload, cs.record FROM commands c
      LEFT JOIN changes ch ON ch.command_id = c.command_id LEFT JOIN cases cs ON cs.id = ch.case_id
      WHERE c.command_id = ANY($1)`,
  },
  authority: { params: [], sql: 'SELECT version, rules FROM authority_matrix ORDER BY version DESC LIMIT 1' },
  lock_cases: { params: ['text[]'], sql: `SELECT ${CASE_COLUMNS} FROM cases WHERE id = ANY($1) ORDER BY id FOR UPDATE` },
  users: { params: ['text[]'], sql: `SELECT ${USER_COLUMNS} FROM users WHERE id = ANY($1)` },
  /** Which of these application numbers cases already have (a new case's must be unique). */
  taken_app_nos: { params: ['text[]'], sql: 'SELECT app_no FROM cases WHERE app_no = ANY($1)' },
  claim_doc_check: { params: ['text', 'text[]'], sql: claimSql("state = 'submitted'", 'none') },
  claim_approval_retail: { params: ['text', 'text[]'], sql: claimSql("team = 'retail' AND state = 'approval'", 'approval') },
  claim_approval_corporate: { params: ['text', 'text[]'], sql: claimSql("team = 'corporate' AND state = 'approval'", 'approval') },
  claim_confirm: { params: ['text', 'text[]'], sql: claimSql("state = 'proposed'", 'confirm') },
  claim_investigation: { params: ['text', 'text[]'], sql: claimSql("state = 'investigation'", 'none') },
  claim_contract_desk: { params: ['text', 'text[]'], sql: claimSql("state = 'approved'", 'none') },
  batch_doc_check: { params: ['int'], sql: claimBatchSql("state = 'submitted'") },
  batch_approval_retail: { params: ['int'], sql: claimBatchSql("team = 'retail' AND state = 'approval'") },
  batch_approval_corporate: { params: ['int'], sql: claimBatchSql("team = 'corporate' AND state = 'approval'") },
  batch_confirm: { params: ['int'], sql: claimBatchSql("state = 'proposed'") },
  batch_investigation: { params: ['int'], sql: claimBatchSql("state = 'investigation'") },
  batch_contract_desk: { params: ['int'], sql: claimBatchSql("state = 'approved'") },
  /**
   * Everything a transaction writes, as JSON arrays: updated cases (whole record or patch), new cases, audit
   * entries, feed changes (in order: their ids follow), command answers. One statement, so one plan and one
   * round trip with COMMIT.
   */
  write: {
    params: ['jsonb', 'jsonb', 'jsonb', 'jsonb', 'jsonb'],
    sql: `WITH upd AS (
        UPDATE cases c SET state = v.state, version = v.version, team = v.team, priority = v.priority, sla_due_at = v.sla_due_at,
          assignee_id = v.assignee_id, checked_by = v.checked_by, proposal_by = v.proposal_by, lease_until = v.lease_until,
          record = coalesce(v.record, c.record || v.patch), audit_seq = v.audit_seq, audit_hash = v.audit_hash
        FROM jsonb_to_recordset($1) AS v(id text, ${UPDATED_CASE_FIELDS}) WHERE c.id = v.id RETURNING 1
      ), ins AS (
        INSERT INTO cases (id, app_no, state, version, team, priority, sla_due_at, assignee_id, checked_by, proposal_by, lease_until, record, audit_seq, audit_hash)
        SELECT id, app_no, state, version, team, priority, sla_due_at, assignee_id, checked_by, proposal_by, lease_until, record, audit_seq, audit_hash
        FROM jsonb_to_recordset($2) AS v(id text, app_no text, ${CASE_FIELDS}) RETURNING 1
      ), aud AS (
        INSERT INTO audit (case_id, case_seq, at, actor_id, actor_name, action, command_id, from_state, to_state, details, prev_hash, hash)
        SELECT case_id, case_seq, at, actor_id, actor_name, action, command_id, from_state, to_state, details, prev_hash, hash
        FROM jsonb_to_recordset($3) AS a(case_id text, case_seq int, at text, actor_id text, actor_name text, action text, command_id text,
          from_state text, to_state text, details text, prev_hash text, hash text) RETURNING 1
      ), chg AS (
        INSERT INTO changes (case_id, command_id, version, payload)
        SELECT case_id, command_id, version, payload
        FROM jsonb_to_recordset($4) AS x(n int, case_id text, command_id text, version int, payload text) ORDER BY n RETURNING 1
      ), cmd AS (
        INSERT INTO commands (command_id, user_id, name, case_id, status, error, client_created_at, received_at)
        SELECT command_id, user_id, name, case_id, status, error, client_created_at, received_at
        FROM jsonb_to_recordset($5) AS k(command_id text, user_id text, name text, case_id text, status text, error jsonb,
          client_created_at text, received_at bigint) RETURNING 1
      )
      SELECT (SELECT count(*) FROM upd)::int AS updated, (SELECT count(*) FROM ins)::int AS inserted`,
  },
} as const;

export type StatementName = keyof typeof STATEMENTS;

/** `PREPARE` for every statement; run once per connection. */
export function prepareAllSql(): string {
  return Object.entries(STATEMENTS)
    .map(([name, s]) => `PREPARE cfw_${name}${s.params.length ? `(${s.params.join(', ')})` : ''} AS ${s.sql}`)
    .join(';\n');
}

/** `EXECUTE cfw_<name>(args)`; every argument must already be a literal from sql-literal.ts. */
export function execute(name: StatementName, ...args: string[]): string {
  return `EXECUTE cfw_${name}${args.length ? `(${args.join(', ')})` : ''}`;
}
