import { z } from 'zod';
import { covers, describeLimit, ruleFor, UNGRADED, type AuthorityRole } from '../approval/authority';
import { fail, ok } from '../errors';
import { formatYuan } from '../money/fen';
import { PRODUCTS } from '../products/catalog';
import { formatBp } from '../screening/integer-math';
import type { ScreeningPolicy } from '../screening/policy';
import type { ScreeningEvaluation } from '../screening/screen-case';
import { CaseId } from './case-id';
import { checkedByActor, event, notFound, notYours, sodCheckedItself, wrongState } from './guards';
import type { Actor, CommandDef } from './types';

/**
 * What the override is measured against, filled in by the host from the stored screening result and the
 * policy version that produced it (never taken from the officer's input): the model's limit and rate, the
 * figures in force now (after earlier overrides), the pricing floor and each role's rate authority.
 */
const Baseline = z.strictObject({
  resultId: z.number().int().min(1),
  ruleSetVersion: z.number().int().min(1),
  modelLimitFen: z.number().int().min(0),
  modelRateBp: z.number().int().min(0),
  currentLimitFen: z.number().int().min(0),
  currentRateBp: z.number().int().min(0),
  floorBp: z.number().int().min(0),
  rateCutBp: z.strictObject({ officer: z.number().int().min(0), senior_officer: z.number().int().min(0) }),
});

const OverrideSchema = z
  .strictObject({
    caseId: CaseId,
    limitFen: z.number().int().min(100).max(100_000_000_000).optional(),
    rateBp: z.number().int().min(1).max(3600).optional(),
    reason: z.string().trim().min(4).max(500),
    baseline: Baseline,
  })
  .refine((p) => p.limitFen !== undefined || p.rateBp !== undefined, { message: 'limitFen or rateBp is required' });
type OverridePayload = z.output<typeof OverrideSchema>;
export type OverrideBaseline = z.output<typeof Baseline>;

/**
 * The baseline of an override of `result`: the model's figures, those in force after the overrides already
 * made on it (oldest first), the floor, and each role's rate authority in the policy version that screened.
 * Built by whoever decides the command from its own records — the desktop host, and the server again for a
 * pushed override (a baseline sent by a desktop is never trusted).
 */
export function overrideBaseline(
  result: { id: number; evaluation: Pick<ScreeningEvaluation, 'ruleSetVersion' | 'limit' | 'price'> },
  policy: Pick<ScreeningPolicy, 'pricing'>,
  earlier: readonly { limitFen: number | null; rateBp: number | null }[],
): OverrideBaseline {
  const { limit, price, ruleSetVersion } = result.evaluation;
  const lastOf = (pick: (o: (typeof earlier)[number]) => number | null) => earlier.map(pick).filter((v): v is number => v !== null).at(-1);
  return {
    resultId: result.id,
    ruleSetVersion,
    modelLimitFen: limit.limitFen,
    modelRateBp: price.rateBp,
    currentLimitFen: lastOf((o) => o.limitFen) ?? limit.limitFen,
    currentRateBp: lastOf((o) => o.rateBp) ?? price.rateBp,
    floorBp: price.floorBp,
    rateCutBp: policy.pricing.overrideCutBp,
  };
}

/** The baseline after an accepted override, for a later override of the same result decided before it is stored. */
export function afterOverride(b: OverrideBaseline, o: { limitFen?: number; rateBp?: number }): OverrideBaseline {
  return { ...b, currentLimitFen: o.limitFen ?? b.currentLimitFen, currentRateBp: o.rateBp ?? b.currentRateBp };
}

export const noScreeningResult = () => fail('not-found', '该案件没有筛查结果，无法调整额度或利率', 'The case has no screening result to override');

function authorityRole(actor: Actor): AuthorityRole {
  return actor.roles.includes('senior_officer') ? 'senior_officer' : 'officer';
}

/**
 * An approval officer overrides the estimated limit or rate (人工调整额度/利率) within his own authority: a
 * limit his authority band covers (and never above the amount applied for or the product maximum), a rate
 * no lower than the model rate less his rate authority, and never below the pricing floor. The reason is
 * mandatory and goes into the audit trail with the old and new figures.
 */
export const overrideScreening = {
  name: 'overrideScreening',
  schema: OverrideSchema,
  permission: () => 'approval.work',
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (c.state !== 'approval') return wrongState(c, { zh: '调整额度或利率', en: 'override the limit or rate' });
    if (c.assigneeId !== ctx.actor.id) return notYours(c);
    if (checkedByActor(c, ctx.actor.id)) return sodCheckedItself();
    const b = p.baseline;
    const role = authorityRole(ctx.actor);
    const values: Record<string, number | string> = { role };
    const details: Record<string, unknown> = { reason: p.reason, ruleSetVersion: b.ruleSetVersion, resultId: b.resultId };
    if (p.limitFen !== undefined) {
      const ceiling = Math.min(c.data.amountFen, PRODUCTS[c.data.productCode].maxAmountFen);
      if (p.limitFen > ceiling) {
        return fail('validation', `调整后的额度不能超过申请金额或产品上限（${formatYuan(ceiling)}元）`, `The limit may not exceed the amount applied for or the product maximum (${formatYuan(ceiling)} yuan)`);
      }
      const rule = ruleFor(ctx.authority, role, c.data.productCode, c.riskGrade ?? UNGRADED);
      if (!covers(rule, p.limitFen)) {
        const limit = describeLimit(rule);
        return fail('forbidden', `调整后的额度超出您的审批权限（上限 ${limit.zh}）`, `The limit exceeds your authority (${limit.en})`, { matrixVersion: ctx.authority.version });
      }
      values.limitFromFen = b.currentLimitFen;
      values.limitToFen = p.limitFen;
      details.limit = `${formatYuan(b.currentLimitFen)} → ${formatYuan(p.limitFen)}`;
    }
    if (p.rateBp !== undefined) {
      if (p.rateBp < b.floorBp) return fail('validation', `利率不得低于定价底线 ${formatBp(b.floorBp)}`, `The rate may not be below the floor of ${formatBp(b.floorBp)}`);
      const lowest = b.modelRateBp - b.rateCutBp[role];
      if (p.rateBp < lowest) {
        return fail(
          'forbidden',
          `利率下调超出您的权限（最多较测算利率下调 ${b.rateCutBp[role]} 个基点，即不低于 ${formatBp(lowest)}）`,
          `The rate cut exceeds your authority (at most ${b.rateCutBp[role]} bp below the model rate, i.e. not below ${formatBp(lowest)})`,
        );
      }
      values.rateFromBp = b.currentRateBp;
      values.rateToBp = p.rateBp;
      details.rate = `${formatBp(b.currentRateBp)} → ${formatBp(p.rateBp)}`;
    }
    if (values.limitFromFen === values.limitToFen && values.rateFromBp === values.rateToBp) {
      return fail('validation', '调整后的额度和利率与当前相同', 'The new limit and rate are the same as the current ones');
    }
    return ok([event(c, 'screeningOverridden', ctx, { details: { ...details, values } })]);
  },
} satisfies CommandDef<z.ZodType<OverridePayload>>;
