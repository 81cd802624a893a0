import type { CaseRecord } from '../../shared/domain/case';
import { lit, type SqlValue } from '../db/sql-literal';
import type { Applied, CaseRow, Outcome } from './case-engine';

/**
 * The SQL that records a transaction's outcomes, as one string for one round trip: each touched case once
 * (its final state), then the audit entries, the feed changes and the command answers as multi-row inserts.
 * Values go through `lit`, the only place they meet SQL text.
 */
export function writePlan(input: { applied: readonly Applied[]; answers: readonly Outcome[]; receivedAt: number }): string {
  const { applied, answers } = input;
  const parts: string[] = [];
  const finalRows = new Map<string, CaseRow>();
  for (const a of applied) finalRows.set(a.caseId, a.row);
  for (const row of finalRows.values()) parts.push(row.isNew ? insertCase(row) : updateCase(row));

  const audit = applied.flatMap((a) => a.audit);
  if (audit.length > 0) {
    parts.push(
      `INSERT INTO audit (case_id, case_seq, at, actor_id, actor_name, action, command_id, from_state, to_state, details, prev_hash, hash) VALUES ${audit
        .map((e) => row([e.caseId, e.caseSeq, e.at, e.actorId, e.actorName, e.action, e.commandId, e.fromState, e.toState, e.details, e.prevHash, e.hash]))
        .join(', ')}`,
    );
  }
  if (applied.length > 0) {
    parts.push(
      `INSERT INTO changes (case_id, command_id, version, payload) VALUES ${applied
        .map((a) => row([a.caseId, a.commandId, a.change.version, a.changeJson]))
        .join(', ')}`,
    );
  }
  if (answers.length > 0) {
    // No ON CONFLICT: a command id applied meanwhile by another request must abort this transaction.
    parts.push(
      `INSERT INTO commands (command_id, user_id, name, case_id, status, error, client_created_at, received_at) VALUES ${answers
        .map((o) =>
          row([
            o.commandId,
            o.userId,
            o.name,
            o.caseId,
            o.status,
            o.status === 'rejected' ? JSON.stringify(o.error) : null,
            o.clientCreatedAt,
            input.receivedAt,
          ]),
        )
        .join(', ')}`,
    );
  }
  return parts.join(';\n');
}

function row(values: readonly SqlValue[]): string {
  return `(${values.map(lit).join(', ')})`;
}

function columns(r: CaseRow) {
  const c: CaseRecord = r.record;
  return {
    state: c.state,
    version: c.version,
    team: c.team,
    priority: c.data.priority,
    sla_due_at: c.slaDueAt,
    assignee_id: c.assigneeId,
    checked_by: c.checkedBy,
    proposal_by: c.proposal?.by ?? null,
    lease_until: r.leaseUntil,
    audit_seq: r.auditSeq,
    audit_hash: r.auditHash,
  };
}

function insertCase(r: CaseRow): string {
  const c = columns(r);
  return `INSERT INTO cases (id, app_no, state, version, team, priority, sla_due_at, assignee_id, checked_by, proposal_by, lease_until, record, audit_seq, audit_hash)
    VALUES (${lit(r.record.id)}, ${lit(r.record.data.appNo)}, ${lit(c.state)}, ${lit(c.version)}, ${lit(c.team)}, ${lit(c.priority)}, ${lit(c.sla_due_at)},
      ${lit(c.assignee_id)}, ${lit(c.checked_by)}, ${lit(c.proposal_by)}, ${lit(c.lease_until)}, ${lit(JSON.stringify(r.record))}::jsonb, ${lit(c.audit_seq)}, ${lit(c.audit_hash)})`;
}

function updateCase(r: CaseRow): string {
  const c = columns(r);
  return `UPDATE cases SET state = ${lit(c.state)}, version = ${lit(c.version)}, team = ${lit(c.team)}, priority = ${lit(c.priority)},
    sla_due_at = ${lit(c.sla_due_at)}, assignee_id = ${lit(c.assignee_id)}, checked_by = ${lit(c.checked_by)}, proposal_by = ${lit(c.proposal_by)},
    lease_until = ${lit(c.lease_until)}, record = ${lit(JSON.stringify(r.record))}::jsonb, audit_seq = ${lit(c.audit_seq)}, audit_hash = ${lit(c.audit_hash)}
    WHERE id = ${lit(r.record.id)}`;
}
