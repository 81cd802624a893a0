import { z } from 'zod';
import { RISK_GRADES, type RiskGrade } from '../approval/authority';
import { fail, ok } from '../errors';
import type { Team } from '../products/catalog';
import { event, notFound, notYours, wrongState } from './guards';
import type { CommandDef } from './types';

import { CaseId } from './case-id';
const Reasons = z.array(z.string().trim().min(1).max(200)).max(20);

/**
 * Outcome of automatic screening (风险筛查/测额): to approval, to an investigation work order, or declined.
 * Made only by the screening service as the system user; the central server never takes one from a push.
 */
export const completeScreening = {
  name: 'completeScreening',
  schema: z.strictObject({
    caseId: CaseId,
    outcome: z.enum(['approval', 'investigation', 'declined']),
    reasons: Reasons.default([]),
    /** The same reasons in English, line for line (the history shows them in English mode). */
    reasonsEn: Reasons.optional(),
    riskGrade: z.enum(RISK_GRADES).optional(),
    /** The approval team screening routes the case to (configurable routing); absent = keep the intake team. */
    team: z.enum(['retail', 'corporate']).optional(),
  }),
  permission: () => 'screening.run',
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (c.state !== 'screening') return wrongState(c, { zh: '记录筛查结果', en: 'record a screening outcome' });
    return ok([
      event(c, 'screeningCompleted', ctx, {
        to: p.outcome,
        ...(p.riskGrade ? { riskGrade: p.riskGrade } : {}),
        ...(p.team ? { team: p.team } : {}),
        details: { outcome: p.outcome, reasons: p.reasons, ...(p.reasonsEn ? { reasonsEn: p.reasonsEn } : {}), ...(p.riskGrade ? { riskGrade: p.riskGrade } : {}), ...(p.team ? { team: p.team } : {}) },
      }),
    ]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; outcome: 'approval' | 'investigation' | 'declined'; reasons: string[]; reasonsEn?: string[]; riskGrade?: RiskGrade; team?: Team }, unknown>>;

/** 线下调查: the field officer records findings and sends the case to approval or declines it. */
export const completeInvestigation = {
  name: 'completeInvestigation',
  schema: z.strictObject({
    caseId: CaseId,
    outcome: z.enum(['approval', 'declined']),
    findings: z.string().trim().min(2).max(4000),
  }),
  permission: () => 'investigation.work',
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (c.state !== 'investigation') return wrongState(c, { zh: '提交调查结论', en: 'record investigation findings' });
    if (c.assigneeId !== ctx.actor.id) return notYours(c);
    return ok([
      event(c, 'investigationCompleted', ctx, { to: p.outcome, assignee: null, details: { outcome: p.outcome, findings: p.findings } }),
    ]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; outcome: 'approval' | 'declined'; findings: string }>>;

/** Commands only the central server itself issues: a desktop pushing one is refused, whoever is signed in. */
export const SERVER_ONLY_COMMANDS: ReadonlySet<string> = new Set([completeScreening.name]);

export const madeByServerOnly = () =>
  fail('forbidden', '筛查结论只能由中央服务器得出，不能由桌面端提交', 'Screening outcomes are made by the central server; a desktop cannot submit one');
