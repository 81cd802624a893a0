import type { CaseRecord } from '../../shared/domain/case';
import { litJson } from '../db/sql-literal';
import { execute } from '../db/statements';
import type { Applied, CaseRow, Outcome } from './case-engine';

/**
 * What a transaction writes, as one `EXECUTE cfw_write(…)`: each touched case once (its final state), the
 * audit entries, the feed changes in order and the command answers, passed as JSON arrays. A command id
 * answered meanwhile by another request makes the insert into `commands` fail, which aborts the whole
 * transaction (the caller retries and then finds the first answer).
 */
export function writePlan(input: { applied: readonly Applied[]; answers: readonly Outcome[]; receivedAt: number }): string {
  const { applied, answers } = input;
  const finalRows = new Map<string, CaseRow>();
  for (const a of applied) finalRows.set(a.caseId, a.row);
  const updated: object[] = [];
  const inserted: object[] = [];
  for (const row of finalRows.values()) (row.isNew ? inserted : updated).push(columns(row));
  const audit = applied.flatMap((a) =>
    a.audit.map((e) => ({
      case_id: e.caseId,
      case_seq: e.caseSeq,
      at: e.at,
      actor_id: e.actorId,
      actor_name: e.actorName,
      action: e.action,
      command_id: e.commandId,
      from_state: e.fromState,
      to_state: e.toState,
      details: e.details,
      prev_hash: e.prevHash,
      hash: e.hash,
    })),
  );
  const changes = applied.map((a, n) => ({ n, case_id: a.caseId, command_id: a.commandId, version: a.change.version, payload: a.changeJson }));
  const commands = answers.map((o) => ({
    command_id: o.commandId,
    user_id: o.userId,
    name: o.name,
    case_id: o.caseId,
    status: o.status,
    error: o.status === 'rejected' ? o.error : null,
    client_created_at: o.clientCreatedAt,
    received_at: input.receivedAt,
  }));
  return execute('write', litJson(updated), litJson(inserted), litJson(audit), litJson(changes), litJson(commands));
}

function columns(r: CaseRow) {
  const c: CaseRecord = r.record;
  return {
    id: c.id,
    app_no: c.data.appNo,
    state: c.state,
    version: c.version,
    team: c.team,
    priority: c.data.priority,
    sla_due_at: c.slaDueAt,
    assignee_id: c.assigneeId,
    checked_by: c.checkedBy,
    proposal_by: c.proposal?.by ?? null,
    lease_until: r.leaseUntil,
    record: c,
    audit_seq: r.auditSeq,
    audit_hash: r.auditHash,
  };
}
