import { z } from 'zod';
import { ok } from '../errors';
import { event, notFound, notYours, wrongState } from './guards';
import type { CommandDef } from './types';

import { CaseId } from './case-id';

/** 资料审核通过: documents checked; the case goes on to automatic screening. */
export const passDocCheck = {
  name: 'passDocCheck',
  schema: z.strictObject({ caseId: CaseId, note: z.string().max(2000).optional() }),
  permission: () => 'doc.work',
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (c.state !== 'doc_check') return wrongState(c, { zh: '提交筛查', en: 'pass it on' });
    if (c.assigneeId !== ctx.actor.id) return notYours(c);
    return ok([
      event(c, 'docCheckPassed', ctx, { to: 'screening', assignee: null, checkedBy: ctx.actor.id, details: p.note ? { note: p.note } : {} }),
    ]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; note?: string }>>;

/** The most reasons one 退回补件 carries (the desk's ticks of missing and illegible documents count too). */
export const MAX_RETURN_REASONS = 10;

/** 退回补件: back to the branch for missing or illegible documents. */
export const returnForSupplement = {
  name: 'returnForSupplement',
  schema: z.strictObject({
    caseId: CaseId,
    reasons: z.array(z.string().trim().min(1).max(200)).min(1).max(MAX_RETURN_REASONS),
    note: z.string().max(2000).optional(),
  }),
  permission: () => 'doc.work',
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (c.state !== 'doc_check') return wrongState(c, { zh: '退回补件', en: 'return it for supplement' });
    if (c.assigneeId !== ctx.actor.id) return notYours(c);
    return ok([
      event(c, 'returnedForSupplement', ctx, {
        to: 'returned',
        assignee: null,
        details: { reasons: p.reasons, ...(p.note ? { note: p.note } : {}) },
      }),
    ]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; reasons: string[]; note?: string }>>;
