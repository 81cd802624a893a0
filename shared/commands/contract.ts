import { z } from 'zod';
import { ok } from '../errors';
import { CaseId } from './case-id';
import { event, notFound, notYours, wrongState } from './guards';
import type { CommandDef } from './types';

/** The contract desk records the generated contract; the case is done. */
export const recordContract = {
  name: 'recordContract',
  schema: z.strictObject({
    caseId: CaseId,
    contractNo: z.string().min(1).max(40),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  permission: () => 'contract.work',
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (c.state !== 'approved') return wrongState(c, { zh: '生成合同', en: 'generate a contract' });
    if (c.assigneeId !== ctx.actor.id) return notYours(c);
    return ok([
      event(c, 'contractRecorded', ctx, { to: 'contracted', assignee: null, details: { contractNo: p.contractNo, sha256: p.sha256 } }),
    ]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; contractNo: string; sha256: string }>>;
