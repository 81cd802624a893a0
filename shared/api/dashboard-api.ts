import { z } from 'zod';
import { RETURN_KINDS } from '../dashboard/actions';
import type { DashboardFigures, FigureRef } from '../dashboard/figures';
import { STAGES } from '../dashboard/stages';
import { CaseState, Fen, Id, ProductCode, ShortText } from './schemas';

const MAX_PERIOD_DAYS = 366;
const Instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/, 'UTC ISO instant');
const Stage = z.enum(STAGES);

/** Period [from, to) and filters. The host reads "now" at min(to, its clock). */
export const DashboardQuerySchema = z
  .strictObject({
    from: Instant,
    to: Instant,
    stage: Stage.optional(),
    team: z.enum(['retail', 'corporate']).optional(),
    product: ProductCode.optional(),
    branch: z.string().max(20).regex(/^[A-Za-z0-9_-]+$/).optional(),
    person: Id.optional(),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_PERIOD_DAYS * 86_400_000, { message: `at most ${MAX_PERIOD_DAYS} days`, path: ['from'] });
export type DashboardQueryInput = z.input<typeof DashboardQuerySchema>;

export const FigureRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('throughput'), stage: Stage.optional(), day: z.string().max(10).optional(), hour: z.string().max(16).optional() }),
  z.strictObject({ kind: z.literal('cycle'), stage: z.union([Stage, z.literal('endToEnd')]), bin: z.number().int().min(0).max(20).optional() }),
  z.strictObject({ kind: z.literal('slaBreached'), stage: Stage.optional() }),
  z.strictObject({ kind: z.literal('breachingNow'), stage: Stage.optional() }),
  z.strictObject({ kind: z.literal('backlog'), stage: Stage.optional(), bucket: z.number().int().min(0).max(10).optional() }),
  z.strictObject({ kind: z.literal('firstPass'), returned: z.boolean() }),
  z.strictObject({ kind: z.literal('returns'), returnKind: z.enum(RETURN_KINDS).optional(), reason: ShortText.nullable().optional() }),
  z.strictObject({ kind: z.literal('decision'), outcome: z.enum(['approved', 'declined', 'withdrawn']) }),
  z.strictObject({ kind: z.literal('ruleHit'), rule: ShortText }),
  z.strictObject({ kind: z.literal('person'), personId: Id, column: z.enum(['handled', 'returns', 'open', 'openBreaching']) }),
]) satisfies z.ZodType<FigureRef>;

const Rate = z.number().nullable();
const Summary = z.object({ count: z.number().int(), p50: z.number().nullable(), p90: z.number().nullable(), mean: z.number().nullable() });
const Counts = z.array(z.number().int());
const Series = z.object({ buckets: z.array(z.string()), counts: z.record(Stage, Counts) });

export const DashboardFiguresSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  workdayMinutes: z.number(),
  cycleBinEdges: z.array(z.number()),
  endToEndBinEdges: z.array(z.number()),
  backlogEdges: z.array(z.number()),
  stages: z.array(
    z.object({
      stage: Stage,
      exits: z.number().int(),
      cycle: Summary,
      cycleBins: Counts,
      sla: z.object({ budgetMinutes: z.number().nullable(), completed: z.number().int(), breached: z.number().int(), rate: Rate, breachingNow: z.number().int() }),
      backlog: Counts,
      open: z.number().int(),
    }),
  ),
  throughput: z.object({ day: Series, hour: Series }),
  endToEnd: z.object({ cycle: Summary, bins: Counts }),
  quality: z.object({
    decided: z.number().int(),
    firstPass: z.number().int(),
    firstPassYield: Rate,
    reviewed: z.number().int(),
    returns: z.number().int(),
    returnRate: Rate,
    byStage: z.array(z.object({ stage: Stage, reviewed: z.number().int(), returns: z.number().int(), rate: Rate })),
    reasons: z.array(z.object({ kind: z.enum(RETURN_KINDS), reason: z.string().nullable(), count: z.number().int() })),
  }),
  decisions: z.object({
    approved: z.number().int(),
    declined: z.number().int(),
    withdrawn: z.number().int(),
    approvalRate: Rate,
    declineRate: Rate,
    declinedAt: z.array(z.object({ stage: Stage, count: z.number().int() })),
  }),
  rules: z.object({
    screenings: z.number().int(),
    hits: z.array(
      z.object({
        rule: z.string(),
        ruleEn: z.string().nullable(),
        count: z.number().int(),
        share: z.number(),
        outcomes: z.object({ approval: z.number().int(), investigation: z.number().int(), declined: z.number().int() }),
      }),
    ),
  }),
  people: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      handled: z.number().int(),
      avgHandlingMinutes: z.number().nullable(),
      returns: z.number().int(),
      openNow: z.number().int(),
      openBreaching: z.number().int(),
    }),
  ),
}) satisfies z.ZodType<DashboardFigures>;

export const DrillRowSchema = z.object({
  caseId: Id,
  appNo: z.string(),
  customerName: z.string(),
  productCode: ProductCode,
  amountFen: Fen,
  branchName: z.string(),
  team: z.enum(['retail', 'corporate']),
  state: CaseState,
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  stageEnteredAt: z.string(),
  slaDueAt: z.string().nullable(),
});
export type DrillRow = z.infer<typeof DrillRowSchema>;

export const DASHBOARD_TABLES = ['stages', 'people', 'returns', 'rules', 'throughput', 'drill'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

const ReassignResult = z.object({
  caseId: Id,
  ok: z.boolean(),
  assigneeName: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }).nullable(),
});

/** Supervisor dashboard (DESIGN §10): figures from the audit trail, drill-down, export, bulk reassignment. */
export const dashboardApi = {
  /** Every figure for the period and filters (counts only; the cases behind each come from dashboard:drill). */
  'dashboard:figures': { input: z.strictObject({ query: DashboardQuerySchema }), output: DashboardFiguresSchema },
  /** The cases behind one figure, most urgent SLA first, a block at a time. */
  'dashboard:drill': {
    input: z.strictObject({ query: DashboardQuerySchema, ref: FigureRefSchema, startRow: z.number().int().min(0), endRow: z.number().int().min(1) }),
    output: z.object({ rows: z.array(DrillRowSchema), total: z.number().int() }),
  },
  /** One table of the dashboard as CSV (UTF-8 with BOM) or XLSX, base64-encoded. */
  'dashboard:export': {
    input: z.strictObject({ query: DashboardQuerySchema, table: z.enum(DASHBOARD_TABLES), format: z.enum(['csv', 'xlsx']), ref: FigureRefSchema.optional() }),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }),
  },
  /** People who may take the selected cases, with how many of them each may take and holds already. */
  'dashboard:assignees': {
    input: z.strictObject({ caseIds: z.array(Id).min(1).max(200) }),
    output: z.object({ users: z.array(z.object({ id: Id, displayName: z.string(), eligible: z.number().int(), openCount: z.number().int() })) }),
  },
  /** Reassign each selected case with the `assign` command (one audited command per case); a result per case. */
  'dashboard:reassign': {
    input: z.strictObject({ caseIds: z.array(Id).min(1).max(200), assigneeId: Id, reason: ShortText.trim().min(2) }),
    output: z.object({ results: z.array(ReassignResult), succeeded: z.number().int(), failed: z.number().int() }),
  },
} as const;
