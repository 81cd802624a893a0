import { createHash } from 'node:crypto';
import type { AuthorityMatrix } from '../../shared/approval/authority';
import { auditHashInput, GENESIS_HASH } from '../../shared/audit/audit-entry';
import { auditDrafts } from '../../shared/audit/event-audit';
import { identityValueOf } from '../../shared/commands/documents';
import { evolve } from '../../shared/commands/evolve';
import { decideCommand, type CommandName } from '../../shared/commands/registry';
import type { Actor, CaseEvent, UserRef } from '../../shared/commands/types';
import type { CaseRecord } from '../../shared/domain/case';
import { fail, type AppError } from '../../shared/errors';
import { DEFAULT_SLA_POLICY } from '../../shared/sla/sla-policy';
import { DEFAULT_CALENDAR } from '../../shared/sla/working-time';
import type { ChangeBody, ChangeEvent } from '../../shared/sync/protocol';

/** A case as this transaction holds it (row-locked, or about to be inserted). */
export interface CaseRow {
  record: CaseRecord;
  auditSeq: number;
  auditHash: string;
  leaseUntil: number | null;
  /**
   * The record as the table holds it (read under this transaction's row lock), so a write sends only the
   * fields that changed; null when the case is not in the table yet: written with INSERT, so a concurrent
   * insert of the same id fails loudly.
   */
  stored: CaseRecord | null;
}

/** One entry of the server's per-case audit chain. */
export interface AuditRow extends ChangeEvent {
  caseId: string;
  caseSeq: number;
  commandId: string;
  prevHash: string;
  hash: string;
}

/** The cases a transaction has loaded (null: looked up and absent), updated as its commands are applied. */
export type WorkingSet = Map<string, CaseRow | null>;

export interface Applied {
  commandId: string;
  caseId: string;
  row: CaseRow;
  audit: AuditRow[];
  /** The change as answered to the pusher (with the case as it now is). */
  change: ChangeBody;
  /** The change as stored in the feed: JSON text without the case, which a pull joins in as it is then. */
  changeJson: string;
}

export interface Accepted extends Applied {
  status: 'accepted';
  name: string;
  userId: string;
  clientCreatedAt: string | null;
}

export interface Rejected {
  status: 'rejected';
  commandId: string;
  name: string;
  userId: string;
  caseId: string | null;
  clientCreatedAt: string | null;
  error: AppError;
  /** The case as the server holds it, so the client can roll its optimistic change back to it. */
  current: CaseRecord | null;
}

export type Outcome = Accepted | Rejected;

export interface CommandInput {
  commandId: string;
  name: CommandName;
  payload: unknown;
  createdAt: string | null;
}

export interface EngineContext {
  now: number;
  leaseMs: number;
  authority: AuthorityMatrix;
  lookupUser(id: string): UserRef | undefined;
}

export function caseIdOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const id = (payload as { caseId?: unknown }).caseId;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null;
}

/**
 * Applies one command to the working set, exactly as the desktop host does: the shared `decideCommand`
 * with the authenticated actor and the server's clock, then `evolve`. Pure apart from the working set;
 * the caller writes the outcome in its transaction.
 */
export function applyCommand(ws: WorkingSet, cmd: CommandInput, actor: Actor, ctx: EngineContext): Outcome {
  const base = { commandId: cmd.commandId, name: cmd.name, userId: actor.id, clientCreatedAt: cmd.createdAt };
  const caseId = caseIdOf(cmd.payload);
  if (!caseId) return { ...base, status: 'rejected', caseId: null, current: null, error: fail('validation', '缺少案件编号', 'caseId is required').error };
  const before = ws.get(caseId) ?? null;
  const nowIso = new Date(ctx.now).toISOString();
  const decided = decideCommand(cmd.name, before?.record ?? null, cmd.payload, {
    actor,
    now: nowIso,
    calendar: DEFAULT_CALENDAR,
    sla: DEFAULT_SLA_POLICY,
    authority: ctx.authority,
    lookupUser: ctx.lookupUser,
  });
  if (!decided.ok) return { ...base, status: 'rejected', caseId, current: before?.record ?? null, error: decided.error };
  const record = evolve(before?.record ?? null, decided.value);
  const leaseUntil = leaseAfter(before, record, ctx);
  const extra = cmd.name === 'reviewDocument' ? { identityValue: identityValueOf(cmd.payload) } : {};
  return { ...base, status: 'accepted', ...record_(ws, before, caseId, record, decided.value, actor, cmd.commandId, leaseUntil, extra) };
}

/**
 * Whoever holds a case holds it under a lease (DESIGN: a lease runs out when its desktop disappears, so no
 * case is stranded), however it came to them: a claim, a supervisor's assignment, an officer sending it back
 * to the proposer or to the clerk who checked it. A case handed to a (different) person gets a fresh lease,
 * one that stays with its holder keeps the lease it has (renewed by the holder's desktop), and a case nobody
 * holds has none.
 */
function leaseAfter(before: CaseRow | null, record: CaseRecord, ctx: EngineContext): number | null {
  if (record.assigneeId === null) return null;
  if (record.assigneeId !== (before?.record.assigneeId ?? null)) return ctx.now + ctx.leaseMs;
  return before?.leaseUntil ?? null;
}

/** Applies events decided by the server itself (a lease expiry, an import) with the given audit actor. */
export function applyServerEvents(
  ws: WorkingSet,
  caseId: string,
  events: CaseEvent[],
  auditActor: { id: string; name: string },
  changeId: string,
): Applied {
  const before = ws.get(caseId) ?? null;
  const record = evolve(before?.record ?? null, events);
  const leaseUntil = record.assigneeId === before?.record.assigneeId ? (before?.leaseUntil ?? null) : null;
  return record_(ws, before, caseId, record, events, auditActor, changeId, leaseUntil);
}

function record_(
  ws: WorkingSet,
  before: CaseRow | null,
  caseId: string,
  record: CaseRecord,
  events: CaseEvent[],
  actor: { id: string; name: string },
  commandId: string,
  leaseUntil: number | null,
  /** What the change carries besides its events (see ChangeBody). */
  extra: Pick<ChangeBody, 'identityValue'> = {},
): Applied {
  let seq = before?.auditSeq ?? 0;
  let prevHash = before?.auditHash ?? GENESIS_HASH;
  const audit: AuditRow[] = auditDrafts(events, actor, caseId, commandId, before?.record.state ?? null).map((draft) => {
    const entry = { ...draft, seq: ++seq, prevHash };
    const hash = createHash('sha256').update(auditHashInput(entry), 'utf8').digest('hex');
    prevHash = hash;
    return { ...entry, caseSeq: entry.seq, hash };
  });
  const row: CaseRow = { record, auditSeq: seq, auditHash: prevHash, leaseUntil, stored: before ? before.stored : null };
  ws.set(caseId, row);
  const changeEvents: ChangeEvent[] = audit.map((a) => ({
    action: a.action,
    at: a.at,
    actorId: a.actorId,
    actorName: a.actorName,
    fromState: a.fromState,
    toState: a.toState,
    details: a.details,
  }));
  const stored = { commandId, caseId, version: record.version, events: changeEvents, ...extra };
  return { commandId, caseId, row, audit, change: { ...stored, case: record }, changeJson: JSON.stringify(stored) };
}
