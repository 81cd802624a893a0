import { z } from 'zod';
import { hasPermission } from '../auth/permissions';
import type { CaseRecord } from '../domain/case';
import { fail, ok } from '../errors';
import type { CaseState } from '../workflow/states';
import {
  actorRef,
  changedSinceRead,
  checkedByActor,
  event,
  notFound,
  notYours,
  sodCheckedItself,
  sodOwnProposal,
  stagePermission,
  wrongState,
} from './guards';
import { confirmationRefusal } from './authority-guard';
import type { Actor, CommandDef, DecideContext } from './types';

import { CaseId } from './case-id';

/** A person may hold a case in these states; screening is the system's, the rest are at the branch or done. */
const WORKABLE: readonly CaseState[] = ['submitted', 'doc_check', 'approval', 'proposed', 'investigation', 'approved'];

/**
 * Segregation of duties, approval authority and team membership for holding a case; shared by claim and
 * assign (and by the host's list of whom a case can be assigned to), so a case is never handed to someone who
 * could not act on it. Null when `user` may hold it, else the refusal.
 */
export function mayHold(c: CaseRecord, user: Actor, ctx: DecideContext) {
  if ((c.state === 'approval' || c.state === 'proposed') && checkedByActor(c, user.id)) return sodCheckedItself();
  if (c.state === 'proposed' && c.proposal?.by === user.id) return sodOwnProposal();
  if (c.state === 'proposed' && c.proposal) {
    const refused = confirmationRefusal(c, c.proposal, user, ctx);
    if (refused) return refused;
  }
  if ((c.state === 'approval' || c.state === 'proposed') && user.team !== null && user.team !== c.team) {
    return fail('forbidden', '该案件不属于您所在的审批团队', "The case belongs to another approval team");
  }
  return null;
}

const WORK_ON = { zh: '领取或分派', en: 'claim or assign it' };

export const claim = {
  name: 'claim',
  schema: z.strictObject({ caseId: CaseId, expectedVersion: z.number().int().optional() }),
  permission: (c) => (c ? stagePermission(c.state) : null),
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (!WORKABLE.includes(c.state)) return wrongState(c, WORK_ON);
    if (c.assigneeId === ctx.actor.id) return fail('conflict', '您已领取该案件', 'You already hold this case');
    if (c.assigneeId) {
      return fail('conflict', `该案件已被 ${c.assigneeName} 领取`, `Already claimed by ${c.assigneeName}`, { assigneeName: c.assigneeName });
    }
    if (changedSinceRead(c, p)) {
      return fail('conflict', '案件已被他人更新，请刷新后重试', 'The case has changed; refresh and try again');
    }
    const refused = mayHold(c, ctx.actor, ctx);
    if (refused) return refused;
    const to = c.state === 'submitted' ? 'doc_check' : c.state;
    return ok([event(c, 'claimed', ctx, { to, assignee: actorRef(ctx.actor) })]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; expectedVersion?: number }>>;

export const release = {
  name: 'release',
  schema: z.strictObject({ caseId: CaseId }),
  permission: (c) => (c ? stagePermission(c.state) : null),
  decide(c, _p, ctx) {
    if (!c) return notFound();
    if (c.assigneeId !== ctx.actor.id) return notYours(c);
    const to = c.state === 'doc_check' ? 'submitted' : c.state;
    return ok([event(c, 'released', ctx, { to, assignee: null })]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string }>>;

export const assign = {
  name: 'assign',
  schema: z.strictObject({ caseId: CaseId, assigneeId: z.string().min(1).max(64), reason: z.string().trim().min(2).max(200) }),
  permission: () => 'case.assign',
  decide(c, p, ctx: DecideContext) {
    if (!c) return notFound();
    if (!WORKABLE.includes(c.state)) return wrongState(c, WORK_ON);
    const target = ctx.lookupUser(p.assigneeId);
    if (!target || !target.active) return fail('not-found', '指定的人员不存在或已停用', 'That person does not exist or is inactive');
    const needed = stagePermission(c.state);
    if (!needed || !hasPermission(target.roles, needed)) {
      return fail('forbidden', `${target.name} 无权处理该阶段的案件`, `${target.name} may not work cases in this stage`);
    }
    if (c.assigneeId === target.id) return fail('conflict', `该案件已由 ${target.name} 处理`, `The case is already with ${target.name}`);
    const refused = mayHold(c, target, ctx);
    if (refused) return refused;
    const to = c.state === 'submitted' ? 'doc_check' : c.state;
    return ok([
      event(c, 'assigned', ctx, {
        to,
        assignee: actorRef(target),
        details: { reason: p.reason, from: c.assigneeName, toName: target.name },
      }),
    ]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; assigneeId: string; reason: string }>>;
