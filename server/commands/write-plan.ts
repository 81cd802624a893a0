import type { CaseRecord } from '../../shared/domain/case';
import { litJson } from '../db/sql-literal';
import { execute } from '../db/statements';
import type { Applied, CaseRow, Outcome } from './case-engine';

/**
 * What a transaction writes, as one `EXECUTE cfw_write(…)`: each touched case once (its final state), the
 * audit entries, the feed changes in order and the command answers, passed as JSON arrays. A command id
 * answered meanwhile by another request makes the insert into `commands` fail, which aborts the whole
 * transaction (the caller retries and then finds the first answer); so does a new case whose id or
 * application number another request inserted meanwhile (the retry finds it and refuses the submit). An
 * application number already taken before is refused by the push before anything is written.
 */
export function writePlan(input: { applied: readonly Applied[]; answers: readonly Outcome[]; receivedAt: number }): string {
  const { applied, answers } = input;
  const finalRows = new Map<string, CaseRow>();
  for (const a of applied) finalRows.set(a.caseId, a.row);
  const updated: object[] = [];
  const inserted: object[] = [];
  for (const row of finalRows.values()) {
    if (row.stored === null) inserted.push({ ...columns(row), record: row.record });
    else updated.push({ ...columns(row), ...recordChange(row.stored, row.record) });
  }
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

/**
 * An updated record goes as the top-level fields that differ from the stored one (a claim changes five of
 * fifteen, and the application data, most of the bytes, almost never), merged in SQL with `record || patch`.
 * Comparing by reference is exact because `evolve` never changes a record in place (evolve.test.ts freezes
 * its input): a field it did not set is the very object read from the table. A field that disappeared
 * cannot be expressed by a merge, so then the whole record goes.
 */
export function recordChange(stored: CaseRecord, record: CaseRecord): { patch: Partial<CaseRecord> | null; record: CaseRecord | null } {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(stored)) if (!(key in record) || (record as never)[key] === undefined) return { patch: null, record };
  for (const [key, value] of Object.entries(record)) if ((stored as never)[key] !== value) patch[key] = value;
  return { patch: patch as Partial<CaseRecord>, record: null };
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
    audit_seq: r.auditSeq,
    audit_hash: r.auditHash,
  };
}
