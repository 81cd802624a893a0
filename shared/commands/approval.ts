import { z } from 'zod';
import type { Proposal } from '../domain/case';
import { PRODUCTS } from '../products/catalog';
import { fail, ok } from '../errors';
import { confirmationRefusal, requiredFor } from './authority-guard';
import { changedSinceRead, checkedByActor, event, notFound, notYours, sodCheckedItself, sodOwnProposal, wrongState } from './guards';
import type { CommandDef } from './types';

import { CaseId } from './case-id';

/** What officer A proposes; the API contract reuses this schema so the two cannot drift. */
export const ProposalInput = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('approve'),
    amountFen: z.number().int().min(100),
    termMonths: z.number().int().min(1).max(360),
    rateBp: z.number().int().min(1).max(3600),
    repaymentMethod: z.enum(['equal_installment', 'equal_principal', 'interest_only']),
    guaranteeType: z.enum(['credit', 'guarantee', 'mortgage', 'pledge']).optional(),
    conditions: z.string().max(2000).optional(),
    comment: z.string().max(2000).optional(),
  }),
  z.strictObject({
    decision: z.literal('decline'),
    reasons: z.array(z.string().trim().min(1).max(200)).min(1).max(10),
    comment: z.string().max(2000).optional(),
  }),
]);

/** Officer B's answer is to the proposal he read: one written about an earlier version of the case is refused. */
function changedSince(doing: { zh: string; en: string }) {
  return fail('conflict', `案件在您查阅审批意见后已有变化，请重新查阅后再${doing.zh}`, `The case changed after you read the proposal; read it again before ${doing.en}`);
}

/** Officer A (maker) proposes a decision; it waits for a second officer (checker). */
export const propose = {
  name: 'propose',
  schema: z.strictObject({ caseId: CaseId, proposal: ProposalInput }),
  permission: () => 'approval.work',
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (c.state !== 'approval') return wrongState(c, { zh: '提交审批意见', en: 'propose a decision' });
    if (c.assigneeId !== ctx.actor.id) return notYours(c);
    if (checkedByActor(c, ctx.actor.id)) return sodCheckedItself();
    if (p.proposal.decision === 'approve' && p.proposal.amountFen > Math.min(c.data.amountFen, PRODUCTS[c.data.productCode].maxAmountFen)) {
      return fail('validation', '批准金额不能超过申请金额或产品上限', 'The approved amount may not exceed the amount applied for or the product maximum');
    }
    const required = p.proposal.decision === 'approve' ? requiredFor(c, p.proposal.amountFen, ctx) : 'officer';
    const proposal: Proposal = {
      ...p.proposal,
      by: ctx.actor.id,
      byName: ctx.actor.name,
      at: ctx.now,
      required,
      matrixVersion: ctx.authority.version,
      confirmations: [],
    };
    return ok([
      event(c, 'proposed', ctx, {
        to: 'proposed',
        assignee: null,
        proposal,
        details: { proposal: p.proposal, required, matrixVersion: ctx.authority.version },
      }),
    ]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; proposal: z.output<typeof ProposalInput> }>>;

/**
 * Officer B (checker) confirms A's proposal: the case is approved or declined as proposed. Above a senior's
 * band the first senior's confirmation is recorded and the case waits for a second, different senior.
 * A confirmation applies only to the proposal B read (`expectedVersion`, see changedSinceRead).
 */
export const confirm = {
  name: 'confirm',
  schema: z.strictObject({ caseId: CaseId, comment: z.string().max(2000).optional(), expectedVersion: z.number().int().optional() }),
  permission: () => 'approval.work',
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (c.state !== 'proposed' || !c.proposal) return wrongState(c, { zh: '复核', en: 'confirm it' });
    if (c.proposal.by === ctx.actor.id) return sodOwnProposal();
    if (checkedByActor(c, ctx.actor.id)) return sodCheckedItself();
    if (c.assigneeId !== ctx.actor.id) return notYours(c);
    if (changedSinceRead(c, p)) return changedSince({ zh: '复核', en: 'confirming' });
    const refused = confirmationRefusal(c, c.proposal, ctx.actor, ctx);
    if (refused) return refused;
    const required = c.proposal.decision === 'approve' && c.proposal.amountFen !== undefined ? requiredFor(c, c.proposal.amountFen, ctx) : 'officer';
    const confirmation = { by: ctx.actor.id, byName: ctx.actor.name, at: ctx.now, matrixVersion: ctx.authority.version };
    const confirmations = [...(c.proposal.confirmations ?? []), confirmation];
    const complete = required !== 'two_seniors' || confirmations.length >= 2;
    const to = !complete ? 'proposed' : c.proposal.decision === 'approve' ? 'approved' : 'declined';
    return ok([
      event(c, 'confirmed', ctx, {
        to,
        assignee: null,
        proposal: { ...c.proposal, confirmations },
        details: {
          decision: c.proposal.decision,
          maker: c.proposal.by,
          makerName: c.proposal.byName,
          required,
          matrixVersion: ctx.authority.version,
          confirmation: confirmations.length,
          complete,
          ...(p.comment ? { comment: p.comment } : {}),
        },
      }),
    ]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; comment?: string; expectedVersion?: number }>>;

/** Officer B disagrees: the case goes back to A's approval queue with a comment. */
export const sendBack = {
  name: 'sendBack',
  schema: z.strictObject({ caseId: CaseId, comment: z.string().trim().min(2).max(2000), expectedVersion: z.number().int().optional() }),
  permission: () => 'approval.work',
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (c.state !== 'proposed' || !c.proposal) return wrongState(c, { zh: '退回审批', en: 'send it back' });
    if (c.proposal.by === ctx.actor.id) return fail('sod-violation', '不能退回本人提交的审批意见', 'You cannot send back your own proposal');
    if (c.assigneeId !== ctx.actor.id) return notYours(c);
    if (changedSinceRead(c, p)) return changedSince({ zh: '退回', en: 'sending it back' });
    return ok([
      event(c, 'sentBack', ctx, {
        to: 'approval',
        assignee: { id: c.proposal.by, name: c.proposal.byName },
        proposal: null,
        details: { comment: p.comment },
      }),
    ]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; comment: string; expectedVersion?: number }>>;

/** Officer A sends the case back to document checking, to the clerk who checked it, with reasons. */
export const returnToDocCheck = {
  name: 'returnToDocCheck',
  schema: z.strictObject({
    caseId: CaseId,
    reasons: z.array(z.string().trim().min(1).max(200)).min(1).max(10),
    note: z.string().max(2000).optional(),
  }),
  permission: () => 'approval.work',
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (c.state !== 'approval') return wrongState(c, { zh: '退回资料审核', en: 'send it back to document checking' });
    if (c.assigneeId !== ctx.actor.id) return notYours(c);
    const clerk = c.checkedBy ? ctx.lookupUser(c.checkedBy) : undefined;
    return ok([
      event(c, 'returnedToDocCheck', ctx, {
        to: 'doc_check',
        assignee: clerk && clerk.active ? { id: clerk.id, name: clerk.name } : null,
        details: { reasons: p.reasons, ...(p.note ? { note: p.note } : {}) },
      }),
    ]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; reasons: string[]; note?: string }>>;
