import { z } from 'zod';
import { RISK_GRADES } from '../approval/authority';
import { PRODUCT_CODES, SEGMENTS } from '../products/catalog';
import { isCalendarDate } from '../validators/id-number';
import { paramsUsed, type Condition } from './conditions';
import { FACT_NAMES, type FactName } from './facts';
import type { ScreeningPolicy } from './policy';

/**
 * The screening policy as validated data: what an administrator saves and what is read back from the
 * database. Bounds keep a typo from producing absurd limits or rates (a 900% LPR is refused, not priced).
 */
const Fen = z.number().int().min(0).max(100_000_000_000_000);
const Bp = z.number().int().min(0).max(100_000);
const SignedBp = z.number().int().min(-10_000).max(10_000);
const Label = z.strictObject({ zh: z.string().min(1).max(200), en: z.string().min(1).max(200) });
const FactNameSchema = z.enum(FACT_NAMES as [FactName, ...FactName[]]);
export const ParamValueSchema = z.union([z.number().finite(), z.string().max(100), z.boolean(), z.array(z.string().max(100)).max(50)]);
const Operand = z.union([
  z.strictObject({ fact: FactNameSchema }),
  z.strictObject({ param: z.string().min(1).max(40) }),
  z.strictObject({ value: ParamValueSchema }),
]);

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ fact: FactNameSchema, op: z.enum(['lt', 'lte', 'gt', 'gte', 'eq', 'ne', 'in', 'notIn']), to: Operand }),
    z.strictObject({ fact: FactNameSchema, op: z.enum(['isTrue', 'isFalse', 'missing', 'present']) }),
    z.strictObject({ all: z.array(ConditionSchema).min(1).max(20) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1).max(20) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
);

export const RuleSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9_-]{1,19}$/),
  description: Label,
  when: ConditionSchema,
  outcome: z.enum(['pass', 'refer', 'decline']),
  reasonCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/),
  enabled: z.boolean(),
  params: z.record(z.string().regex(/^\w{1,40}$/), ParamValueSchema),
  instruction: Label.optional(),
});

const Tier = z.strictObject({ minFen: Fen, discountBp: Bp.max(1_000) });
const Grades = <T extends z.ZodType>(t: T) => z.strictObject({ A: t, B: t, C: t });

export const LimitsSchema = z.strictObject({
  baseInclusiveFen: Fen,
  publicSectorMinFen: Fen,
  roundingUnitFen: z.number().int().min(1).max(100_000_000),
  tax: z.strictObject({ multiplierBpByGrade: z.strictObject({ A: Bp.max(1_000_000), B: Bp.max(1_000_000) }) }),
  mortgage: z.strictObject({ ltvBpByClass: z.strictObject({ residential: Bp.max(10_000), local_industrial: Bp.max(10_000), shop: Bp.max(10_000), other: Bp.max(10_000) }) }),
  credit: z.strictObject({ aumBp: Bp, payrollMultiple: z.number().int().min(0).max(120), minPayrollMonths: z.number().int().min(0).max(12) }),
  platform: z.strictObject({ salesBp: Bp.max(10_000) }),
  invoice: z.strictObject({ advanceBp: Bp.max(10_000), maxInvoiceAgeDays: z.number().int().min(1).max(3_650) }),
  revolving: z.strictObject({ posMultiple: z.number().int().min(0).max(120) }),
});

export const PricingSchema = z.strictObject({
  lpr: z
    .array(z.strictObject({ effectiveFrom: z.string().refine(isCalendarDate, 'YYYY-MM-DD'), oneYearBp: Bp.max(3_000), fiveYearBp: Bp.max(3_000) }))
    .min(1)
    .max(200),
  fiveYearAboveMonths: z.number().int().min(1).max(360),
  spreadBpByGrade: Grades(SignedBp),
  productSpreadBp: z.partialRecord(z.enum(PRODUCT_CODES), SignedBp),
  contribution: z.strictObject({
    depositTiers: z.array(Tier).max(10),
    posTiers: z.array(Tier).max(10),
    payroll: z.strictObject({ minMonths: z.number().int().min(0).max(12), discountBp: Bp.max(1_000) }),
    maxDiscountBp: Bp.max(1_000),
  }),
  floorBp: Bp.max(3_600),
  quotaExemptBp: Bp.max(3_600),
  overrideCutBp: z.strictObject({ officer: Bp.max(1_000), senior_officer: Bp.max(1_000) }),
});

export const GradingSchema = z.strictObject({
  basePoints: z.number().int().min(-1_000).max(1_000),
  factors: z.array(z.strictObject({ id: z.string().regex(/^\w{1,40}$/), label: Label, when: ConditionSchema, points: z.number().int().min(-1_000).max(1_000) })).max(50),
  pointsPerReferHit: z.number().int().min(-1_000).max(1_000),
  minPointsA: z.number().int().min(-1_000).max(1_000),
  minPointsB: z.number().int().min(-1_000).max(1_000),
});

export const RoutingSchema = z.strictObject({
  corporateProducts: z.array(z.enum(PRODUCT_CODES)).max(PRODUCT_CODES.length),
  corporateAbove: z.array(z.strictObject({ segment: z.union([z.enum(SEGMENTS), z.literal('*')]), aboveFen: Fen })).max(20),
  defaultTeam: z.enum(['retail', 'corporate']),
});

export const PolicySchema = z
  .strictObject({
    rules: z.array(RuleSchema).min(1).max(200),
    limits: LimitsSchema,
    pricing: PricingSchema,
    grading: GradingSchema,
    routing: RoutingSchema,
  })
  .superRefine((p, ctx) => {
    const ids = new Set<string>();
    p.rules.forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${r.id}` });
      ids.add(r.id);
      for (const name of paramsUsed(r.when)) {
        if (!(name in r.params)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'params'], message: `rule ${r.id} needs parameter ${name}` });
      }
    });
    const dates = p.pricing.lpr.map((e) => e.effectiveFrom);
    if (new Set(dates).size !== dates.length) ctx.addIssue({ code: 'custom', path: ['pricing', 'lpr'], message: 'two LPR entries with the same date' });
    if (p.grading.minPointsA < p.grading.minPointsB) ctx.addIssue({ code: 'custom', path: ['grading'], message: 'grade A needs at least the points of grade B' });
    for (const g of RISK_GRADES) if (p.pricing.spreadBpByGrade[g] === undefined) ctx.addIssue({ code: 'custom', path: ['pricing', 'spreadBpByGrade'], message: `no spread for ${g}` });
  });

/** Parses a stored or submitted policy; throws nothing, returns zod's result. */
export function parsePolicy(value: unknown): z.ZodSafeParseResult<ScreeningPolicy> {
  return PolicySchema.safeParse(value) as z.ZodSafeParseResult<ScreeningPolicy>;
}
