import { z } from 'zod';
import { RISK_GRADES } from '../approval/authority';
import { ParamValueSchema, PolicySchema } from '../screening/policy-schema';
import { CaseState, Fen, Id, IsoTime, ProductCode } from './schemas';

/** Output shapes of the screening API (results with their explanations, rule sets, negative-list imports). */
const Label = z.object({ zh: z.string(), en: z.string() });
const Value = z.union([z.number(), z.string(), z.boolean(), z.null()]);
const Grade = z.enum(RISK_GRADES);
const Outcome = z.enum(['approval', 'investigation', 'declined']);
const RuleOutcome = z.enum(['pass', 'refer', 'decline']);

export const NegativeListMatchView = z.object({
  entryId: z.number().int(),
  party: z.enum(['applicant', 'enterprise', 'legal_representative', 'guarantor', 'collateral_owner']),
  key: z.enum(['id_number', 'credit_code', 'name_birth']),
  maskedValue: z.string(),
  reason: z.string(),
  source: z.string(),
  listedOn: z.string().nullable(),
});

export const RuleResultView = z.object({
  ruleId: z.string(),
  reasonCode: z.string(),
  description: Label,
  enabled: z.boolean(),
  /** Absent in results stored before the flag existed: read as applicable. */
  applicable: z.boolean().optional(),
  fired: z.boolean(),
  outcome: RuleOutcome,
  result: RuleOutcome,
  evidence: z.object({
    facts: z.array(z.object({ fact: z.string(), label: Label, unit: z.string(), value: Value })),
    params: z.record(z.string(), ParamValueSchema),
    matches: z.array(NegativeListMatchView).optional(),
  }),
  instruction: Label.optional(),
});
export type RuleResultView = z.infer<typeof RuleResultView>;

const Bound = z.object({ code: z.string(), label: Label, amountFen: Fen, eligible: z.boolean(), applied: z.boolean() });

export const LimitEstimateView = z.object({
  product: ProductCode,
  model: Label,
  inputs: z.array(z.object({ key: z.string(), label: Label, value: Value, unit: z.string() })),
  steps: z.array(z.object({ label: Label, formula: z.string(), resultFen: Fen })),
  notes: z.array(Label),
  modelFen: Fen,
  floors: z.array(Bound),
  caps: z.array(Bound),
  appliedFloor: z.string().nullable(),
  appliedCap: z.string().nullable(),
  limitFen: Fen,
});
export type LimitEstimateView = z.infer<typeof LimitEstimateView>;

export const PriceBreakdownView = z.object({
  lpr: z.object({ effectiveFrom: z.string(), tenor: z.enum(['1y', '5y']), bp: z.number().int() }),
  lines: z.array(z.object({ code: z.string(), label: Label, bp: z.number().int(), detail: z.string() })),
  discountBp: z.number().int(),
  computedBp: z.number().int(),
  floorBp: z.number().int(),
  floorApplied: z.boolean(),
  rateBp: z.number().int(),
  quotaExemptBp: z.number().int(),
  quotaExempt: z.boolean(),
});
export type PriceBreakdownView = z.infer<typeof PriceBreakdownView>;

export const GradeView = z.object({
  grade: Grade,
  points: z.number().int(),
  basePoints: z.number().int(),
  factors: z.array(z.object({ id: z.string(), label: Label, points: z.number().int() })),
  referHits: z.number().int(),
  referPoints: z.number().int(),
  minPointsA: z.number().int(),
  minPointsB: z.number().int(),
});

export const OverrideView = z.object({
  id: z.number().int(),
  limitFen: Fen.nullable(),
  rateBp: z.number().int().nullable(),
  reason: z.string(),
  actorName: z.string(),
  at: IsoTime,
});

export const ScreeningView = z.object({
  caseId: Id,
  caseState: CaseState,
  /** The latest screening; null for a case never screened here (e.g. demo cases screened by the seed). */
  result: z
    .object({
      id: z.number().int(),
      screenedAt: IsoTime,
      ruleSetVersion: z.number().int(),
      asOf: z.string(),
      outcome: Outcome,
      team: z.enum(['retail', 'corporate']),
      riskGrade: Grade,
      rules: z.array(RuleResultView),
      reasons: z.array(z.string()),
      grade: GradeView,
      limit: LimitEstimateView,
      price: PriceBreakdownView,
    })
    .nullable(),
  earlier: z.array(z.object({ id: z.number().int(), screenedAt: IsoTime, ruleSetVersion: z.number().int(), outcome: Outcome })),
  overrides: z.array(OverrideView),
  /** Limit and rate in force: the latest override of each, else the screening's. */
  effective: z.object({ limitFen: Fen, rateBp: z.number().int(), limitOverridden: z.boolean(), rateOverridden: z.boolean() }).nullable(),
  /** What the viewer may override now, if anything (the host checks again when he does). */
  overrideAuthority: z
    .object({ maxLimitFen: Fen, lowestRateBp: z.number().int(), floorBp: z.number().int() })
    .nullable(),
});
export type ScreeningView = z.infer<typeof ScreeningView>;

export const RuleSetInfo = z.object({ version: z.number().int(), note: z.string(), createdBy: z.string(), createdAt: IsoTime });
export const RuleSetView = RuleSetInfo.extend({ policy: PolicySchema });
export type RuleSetView = z.infer<typeof RuleSetView>;

export const ImportReportView = z.object({
  importId: z.number().int().nullable(),
  fileName: z.string(),
  encoding: z.enum(['utf-8', 'gbk']).nullable(),
  sizeBytes: z.number().int(),
  imported: z.boolean(),
  fatal: z.object({ code: z.string(), message: z.string(), messageEn: z.string(), line: z.number().int().nullable() }).nullable(),
  totalRows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  byProblem: z.record(z.string(), z.number().int()),
  rejectedRows: z.array(z.object({ line: z.number().int(), problem: z.string(), message: z.string(), messageEn: z.string() })),
  ignoredColumns: z.array(z.string()),
  listSize: z.number().int(),
});
export type ImportReportView = z.infer<typeof ImportReportView>;

export const ImportSummaryView = z.object({
  id: z.number().int(),
  fileName: z.string(),
  encoding: z.string().nullable(),
  sizeBytes: z.number().int(),
  totalRows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** Why a refused import was refused, in English and (from its report) in Chinese. */
  fatal: z.string().nullable(),
  fatalZh: z.string().nullable().default(null), // absent from a server older than the desktop
  createdBy: z.string(),
  createdAt: IsoTime,
});
