import { MAX_RETURN_REASONS } from '../commands/doc-check';
import { z } from 'zod';
import { CaseChange, CaseDetail, CaseRef, CaseState, Empty, Id, LongText, ShortText } from './schemas';

/** One case: detail, claim/release/assign, document-check outcome, reference data. */
export const casesApi = {
  /** Application, applicant and history of one case. */
  'case:get': { input: CaseRef, output: CaseDetail },
  /** Claim a chosen case. `expectedVersion` guards against acting on a stale row. */
  'case:claim': { input: z.strictObject({ caseId: Id, expectedVersion: z.number().int().optional() }), output: CaseChange },
  /** Give a claimed case back to its queue. */
  'case:release': { input: CaseRef, output: CaseChange },
  /** Supervisor: assign or reassign a case to a person, with a reason (audited). */
  'case:assign': {
    input: z.strictObject({ caseId: Id, assigneeId: Id, reason: ShortText.min(2) }),
    output: CaseChange,
  },
  /** Clerk: documents checked, pass the case on to screening. */
  'case:passDocCheck': { input: z.strictObject({ caseId: Id, note: LongText.optional() }), output: CaseChange },
  /** Clerk: return to the branch for missing or illegible documents (退回补件), with reasons. */
  'case:returnForSupplement': {
    input: z.strictObject({ caseId: Id, reasons: z.array(ShortText.min(1)).min(1).max(MAX_RETURN_REASONS), note: LongText.optional() }),
    output: CaseChange,
  },
  /** People a case can be assigned to, with how many open cases each holds. */
  'users:assignable': {
    input: CaseRef,
    output: z.object({ users: z.array(z.object({ id: Id, displayName: z.string(), openCount: z.number().int() })) }),
  },
  /** Branches and other reference data for filters. */
  'meta:reference': {
    input: Empty,
    output: z.object({ branches: z.array(z.object({ code: z.string(), name: z.string() })), states: z.array(CaseState) }),
  },
} as const;
