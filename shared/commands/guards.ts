import type { Permission } from '../auth/permissions';
import type { CaseRecord } from '../domain/case';
import { fail } from '../errors';
import { addWorkingMinutes } from '../sla/working-time';
import { slaMinutesFor } from '../sla/sla-policy';
import { STATE_LABELS, type CaseState } from '../workflow/states';
import { canTransition } from '../workflow/transitions';
import type { Actor, CaseEvent, CaseEventType, DecideContext } from './types';
import type { Label } from '../domain/label';

/** Permission to work a case in the stage it is in; null where no person works it. */
export function stagePermission(state: CaseState): Permission | null {
  switch (state) {
    case 'submitted':
    case 'doc_check':
      return 'doc.work';
    case 'approval':
    case 'proposed':
      return 'approval.work';
    case 'investigation':
      return 'investigation.work';
    case 'approved':
      return 'contract.work';
    default:
      return null;
  }
}

export const notFound = () => fail('not-found', '案件不存在', 'Case not found');

export function wrongState(c: CaseRecord, action: Label) {
  const label = STATE_LABELS[c.state];
  return fail(
    'invalid-transition',
    `案件当前状态为「${label.zh}」，不能${action.zh}`,
    `The case is "${label.en}"; cannot ${action.en}`,
    { state: c.state },
  );
}

export function notYours(c: CaseRecord) {
  return c.assigneeId
    ? fail('forbidden', `该案件由 ${c.assigneeName} 处理中，您不能操作`, `The case is held by ${c.assigneeName}; you cannot act on it`)
    : fail('forbidden', '请先领取该案件', 'Claim the case first');
}

/** 双人审批 / segregation of duties: nobody approves a case whose documents he checked. */
/**
 * A command that names the case version its user read (`expectedVersion`, optional) against a case changed
 * since: a claim of a row the queue showed earlier, an officer's answer to a proposal made again meanwhile.
 */
export function changedSinceRead(c: CaseRecord, p: { expectedVersion?: number }): boolean {
  return p.expectedVersion !== undefined && p.expectedVersion !== c.version;
}

export function checkedByActor(c: CaseRecord, userId: string) {
  return c.checkers.includes(userId) || c.checkedBy === userId;
}

export function sodCheckedItself() {
  return fail('sod-violation', '不能审批本人审核过资料的案件', 'You cannot approve a case whose documents you checked');
}

export function sodOwnProposal() {
  return fail('sod-violation', '不能复核本人提交的审批意见', 'You cannot confirm your own proposal');
}

/** Builds one event, moving the case to `to` (with a fresh SLA clock when the stage changes). */
export function event(
  c: CaseRecord,
  type: CaseEventType,
  ctx: DecideContext,
  fields: Omit<CaseEvent, 'type' | 'caseId' | 'at' | 'by' | 'byName' | 'details'> & { details?: Record<string, unknown> },
): CaseEvent {
  const { details, ...rest } = fields;
  const e: CaseEvent = { type, caseId: c.id, at: ctx.now, by: ctx.actor.id, byName: ctx.actor.name, ...rest, details: details ?? {} };
  if (e.to && e.to !== c.state && e.slaDueAt === undefined) e.slaDueAt = slaDueFor(c.state, e.to, c.slaDueAt, ctx);
  return e;
}

/** The clock of 资料审核 runs from submission, so moving between submitted and doc_check keeps it. */
function slaDueFor(from: CaseState, to: CaseState, current: string | null, ctx: DecideContext): string | null {
  const sameStage = (a: CaseState, b: CaseState) =>
    (a === 'submitted' || a === 'doc_check') && (b === 'submitted' || b === 'doc_check');
  if (sameStage(from, to)) return current;
  const minutes = slaMinutesFor(to, ctx.sla);
  return minutes === null ? null : addWorkingMinutes(ctx.now, minutes, ctx.calendar);
}

export function guardTransition(c: CaseRecord, to: CaseState): boolean {
  return canTransition(c.state, to);
}

export function actorRef(actor: Actor) {
  return { id: actor.id, name: actor.name };
}
