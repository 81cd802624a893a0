import { z } from 'zod';
import { ROLES } from '../auth/roles';
import { PERMISSIONS } from '../auth/permissions';
import { CASE_STATES } from '../workflow/states';
import { PRODUCT_CODES, SEGMENTS } from '../products/catalog';
import { QUEUE_IDS } from './queues';
import { RISK_GRADES } from '../approval/authority';

/** Shared building blocks of the API contract. Inputs are strict: unknown keys are refused, not ignored. */
export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'id: letters, digits, - and _ only');
export const IsoTime = z.string().max(40);
export const Fen = z.number().int().min(0).max(1_000_000_000_000); // up to 100亿元
export const ShortText = z.string().max(200);
export const LongText = z.string().max(2000);

export const Role = z.enum(ROLES);
export const Permission = z.enum(PERMISSIONS);
export const CaseState = z.enum(CASE_STATES);
export const ProductCode = z.enum(PRODUCT_CODES);
export const Segment = z.enum(SEGMENTS);
export const QueueId = z.enum(QUEUE_IDS);

export const UserInfo = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  permissions: z.array(Permission),
  team: z.enum(['retail', 'corporate']).nullable(),
  /** A password an administrator set (new account, reset): nothing else may be done until it is changed. */
  mustChangePassword: z.boolean(),
});
export type UserInfo = z.infer<typeof UserInfo>;

/** A text shown to the user in both languages (a reason, a notice); errors carry their code besides. */
export const BilingualText = z.object({ message: z.string(), messageEn: z.string() });

export const Empty = z.strictObject({});

export const SORTABLE_COLUMNS = [
  'appNo',
  'customerName',
  'productCode',
  'amountFen',
  'branchName',
  'submittedAt',
  'slaDueAt',
  'state',
  'assigneeName',
] as const;

export const QueueQuery = z.strictObject({
  queue: QueueId,
  startRow: z.number().int().min(0).max(10_000_000),
  endRow: z.number().int().min(1).max(10_000_000),
  sort: z
    .array(z.strictObject({ colId: z.enum(SORTABLE_COLUMNS), sort: z.enum(['asc', 'desc']) }))
    .max(3)
    .default([]),
  filter: z
    .strictObject({
      states: z.array(CaseState).max(20).optional(),
      products: z.array(ProductCode).max(20).optional(),
      branchCode: z.string().max(20).optional(),
      /** Customer or company name (substring), application number, or a full ID number / credit code. */
      search: z.string().max(40).optional(),
      assigneeId: Id.optional(),
      breachingOnly: z.boolean().optional(),
    })
    .default({}),
});
export type QueueQuery = z.input<typeof QueueQuery>;

export const QueueRow = z.object({
  id: Id,
  appNo: z.string(),
  customerName: z.string(),
  productCode: ProductCode,
  amountFen: Fen,
  branchName: z.string(),
  submittedAt: IsoTime,
  slaDueAt: IsoTime.nullable(),
  state: CaseState,
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  priority: z.number().int(),
  version: z.number().int(),
});
export type QueueRow = z.infer<typeof QueueRow>;

export const QueuePage = z.object({ rows: z.array(QueueRow), total: z.number().int() });
export type QueuePage = z.infer<typeof QueuePage>;

export const QueueCount = z.object({ queue: QueueId, count: z.number().int(), breaching: z.number().int() });
export const QueueCounts = z.object({ queues: z.array(QueueCount) });
export type QueueCounts = z.infer<typeof QueueCounts>;

export const CaseRef = z.strictObject({ caseId: Id });

export const HistoryEntry = z.object({
  seq: z.number().int(),
  at: IsoTime,
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  fromState: CaseState.nullable(),
  toState: CaseState.nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const ProposalView = z.object({
  by: Id,
  byName: z.string(),
  at: IsoTime,
  decision: z.enum(['approve', 'decline']),
  amountFen: Fen.optional(),
  termMonths: z.number().int().optional(),
  rateBp: z.number().int().optional(),
  repaymentMethod: z.enum(['equal_installment', 'equal_principal', 'interest_only']).optional(),
  guaranteeType: z.enum(['credit', 'guarantee', 'mortgage', 'pledge']).optional(),
  conditions: z.string().optional(),
  reasons: z.array(z.string()).optional(),
  comment: z.string().optional(),
  required: z.enum(['officer', 'senior_officer', 'two_seniors']).optional(),
  matrixVersion: z.number().int().optional(),
  confirmations: z.array(z.object({ by: Id, byName: z.string(), at: IsoTime, matrixVersion: z.number().int() })).optional(),
});
export type ProposalView = z.infer<typeof ProposalView>;

export const CaseDetail = z.object({
  id: Id,
  state: CaseState,
  version: z.number().int(),
  team: z.enum(['retail', 'corporate']),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  checkedBy: Id.nullable(),
  submittedAt: IsoTime,
  stageEnteredAt: IsoTime,
  slaDueAt: IsoTime.nullable(),
  returnCount: z.number().int(),
  riskGrade: z.enum(RISK_GRADES).nullable(),
  /** The proposal under dual control, with who must confirm and the confirmations so far. */
  proposal: ProposalView.nullable(),
  /** Commands the host would accept from the viewer right now (same rules as executing them). */
  allowedActions: z.array(z.string()),
  /** Application as taken by the branch; identifiers masked where the caller lacks pii.view. */
  application: z.object({
    appNo: z.string(),
    productCode: ProductCode,
    segment: Segment,
    amountFen: Fen,
    termMonths: z.number().int(),
    purpose: z.string(),
    branchCode: z.string(),
    branchName: z.string(),
    priority: z.number().int(),
    applicant: z.object({
      name: z.string(),
      idNumber: z.string(),
      gender: z.enum(['M', 'F']),
      birthDate: z.string(),
      phone: z.string(),
      address: z.string(),
    }),
    enterprise: z
      .object({
        name: z.string(),
        creditCode: z.string(),
        legalRepresentative: z.string(),
        registeredCapitalFen: Fen,
        establishedOn: z.string(),
        address: z.string(),
        industry: z.string(),
      })
      .nullable(),
  }),
  history: z.array(HistoryEntry),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseChange = z.object({ caseId: Id, state: CaseState, version: z.number().int(), assigneeName: z.string().nullable() });
export type CaseChange = z.infer<typeof CaseChange>;
