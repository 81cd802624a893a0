import { randomUUID } from 'node:crypto';
import type { CaseChange } from '../../../shared/api/schemas';
import type { AuthorityMatrix } from '../../../shared/approval/authority';
import { auditDrafts } from '../../../shared/audit/event-audit';
import { evolve } from '../../../shared/commands/evolve';
import { decideCommand, type CommandName } from '../../../shared/commands/registry';
import { allowedActions } from '../../../shared/commands/probe';
import type { Actor, CaseEvent, DecideContext } from '../../../shared/commands/types';
import type { CaseRecord } from '../../../shared/domain/case';
import { AppErrorException, fail, ok, type Result } from '../../../shared/errors';
import type { SlaPolicy } from '../../../shared/sla/sla-policy';
import type { WorkCalendar } from '../../../shared/sla/working-time';
import type { AuditRepo } from '../audit/audit-repo';
import type { Db } from '../db/database';
import type { CaseRepo } from '../store/case-repo';
import type { OutboxRepo } from '../store/outbox-repo';
import type { UserRepo } from '../store/user-repo';

export interface CommandServiceDeps {
  db: Db;
  cases: CaseRepo;
  users: UserRepo;
  audit: AuditRepo;
  outbox: OutboxRepo;
  calendar: WorkCalendar;
  sla: SlaPolicy;
  /** The authority matrix in force; read for every command so an edit applies at once. */
  authority: () => AuthorityMatrix;
  now: () => number;
  /** Told about every committed change, after the transaction. */
  onChange: (changes: CaseChange[]) => void;
}

export interface Executed {
  record: CaseRecord;
  events: CaseEvent[];
  commandId: string;
}

/**
 * The only way a case changes: load → decide (shared, pure) → evolve → write the new state, one audit entry
 * per event and one outbox row, all in one transaction. Nothing is written when decide refuses.
 */
export class CommandService {
  constructor(private readonly deps: CommandServiceDeps) {}

  execute(actor: Actor, name: CommandName, payload: unknown, commandId: string = randomUUID()): Result<Executed> {
    const caseId = caseIdOf(payload);
    if (!caseId) return fail('validation', '缺少案件编号', 'caseId is required');
    const { db, cases, audit, outbox } = this.deps;
    const now = new Date(this.deps.now()).toISOString();
    const ctx = this.context(actor, now);
    let result: Result<Executed>;
    try {
      result = db.transaction((): Result<Executed> => {
        const state = cases.get(caseId);
        const decided = decideCommand(name, state, payload, ctx);
        if (!decided.ok) return decided;
        const record = evolve(state, decided.value);
        cases.save(record, state ? state.version : null);
        for (const entry of auditDrafts(decided.value, actor, caseId, commandId, state?.state ?? null)) audit.append(entry);
        outbox.add({ commandId, command: name, caseId, actorId: actor.id, payload: JSON.stringify(payload), createdAt: now, caseBefore: state ? JSON.stringify(state) : null });
        return ok({ record, events: decided.value, commandId });
      })();
    } catch (e) {
      if (e instanceof AppErrorException) return { ok: false, error: e.appError };
      throw e;
    }
    if (result.ok) {
      const r = result.value.record;
      this.deps.onChange([{ caseId: r.id, state: r.state, version: r.version, assigneeName: r.assigneeName }]);
    }
    return result;
  }

  /** What `decide` sees: the actor, the time, and the policy in force (calendar, SLA, authority). */
  context(actor: Actor, now = new Date(this.deps.now()).toISOString()): DecideContext {
    return {
      actor,
      now,
      calendar: this.deps.calendar,
      sla: this.deps.sla,
      authority: this.deps.authority(),
      lookupUser: (id) => this.deps.users.ref(id),
    };
  }

  /** The commands `actor` could run on the case now, decided by the same rules as running them. */
  allowedActions(record: CaseRecord, actor: Actor): CommandName[] {
    return allowedActions(record, this.context(actor));
  }
}

function caseIdOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const id = (payload as { caseId?: unknown }).caseId;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

