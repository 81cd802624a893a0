import { z } from 'zod';
import { RISK_GRADES } from '../approval/authority';
import { ProposalInput } from '../commands/approval';
import { PRODUCT_CODES } from '../products/catalog';
import { BilingualText, CaseChange, Id, IsoTime, LongText, ShortText } from './schemas';

const Reasons = z.array(ShortText.min(1)).min(1).max(10);

export const ApprovalProposalInput = ProposalInput;

export const AuthorityRuleSchema = z.strictObject({
  role: z.enum(['officer', 'senior_officer']),
  product: z.union([z.enum(PRODUCT_CODES), z.literal('*')]),
  riskGrade: z.union([z.enum(RISK_GRADES), z.literal('*')]),
  maxAmountFen: z.number().int().min(0).max(100_000_000_000),
  inclusive: z.boolean(),
});

export const AuthorityVersion = z.object({
  version: z.number().int(),
  rules: z.array(AuthorityRuleSchema),
  note: z.string(),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: IsoTime,
});

/** Approval under dual control (双人审批) and the authority matrix. */
export const approvalApi = {
  /** Officer A (maker): propose approve (terms) or decline (reasons) on a case he holds. */
  'approval:propose': { input: z.strictObject({ caseId: Id, proposal: ApprovalProposalInput }), output: CaseChange },
  /**
   * Officer B (checker): confirm the proposal; refused for the maker, the checker of the documents, without
   * authority, or when the case is no longer at `expectedVersion` (the version B read the proposal at).
   */
  'approval:confirm': { input: z.strictObject({ caseId: Id, comment: LongText.optional(), expectedVersion: z.number().int().optional() }), output: CaseChange },
  /** Officer B: send the proposal back to A's queue with a comment; `expectedVersion` as for confirm. */
  'approval:sendBack': { input: z.strictObject({ caseId: Id, comment: LongText.min(2), expectedVersion: z.number().int().optional() }), output: CaseChange },
  /** Officer A: send the case back to document checking with reasons. */
  'approval:returnToDocCheck': { input: z.strictObject({ caseId: Id, reasons: Reasons, note: LongText.optional() }), output: CaseChange },
  /** The authority matrix in force and every earlier version. */
  'authority:get': {
    input: z.strictObject({}),
    output: z.object({
      current: AuthorityVersion,
      versions: z.array(AuthorityVersion),
      /** Why this user cannot edit it (only administrators do); null when he can. */
      readOnly: BilingualText.nullable(),
    }),
  },
  /**
   * Admin: save an edited matrix as a new version (old decisions keep naming the version they used); refused
   * if `basedOnVersion`, the version the edit started from, is no longer the newest. On a synced desktop the
   * version is saved on the central server, which decides approvals by it.
   */
  'authority:update': {
    input: z.strictObject({
      basedOnVersion: z.number().int().min(1),
      rules: z.array(AuthorityRuleSchema).min(1).max(200),
      note: z.string().trim().min(2).max(200),
    }),
    output: z.object({ version: z.number().int() }),
  },
} as const;
