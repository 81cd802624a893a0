import { z } from 'zod';
import { PolicyEditSchema } from '../screening/policy-edit';
import { ImportReportView, ImportSummaryView, RuleSetInfo, RuleSetView, ScreeningView } from './screening-views';
import { BilingualText, CaseChange, CaseRef, Empty, Id, ShortText } from './schemas';

/** Screening (风险筛查), limit estimation (测额), pricing, investigation work orders and the negative list. */
export const screeningApi = {
  /** The latest screening of a case: each rule with its outcome and evidence, the limit and price explained. */
  'screening:get': { input: CaseRef, output: ScreeningView },
  /** Approval officer holding the case: override the limit and/or rate within his authority, with a reason (audited). */
  'screening:override': {
    input: z
      .strictObject({
        caseId: Id,
        limitFen: z.number().int().min(100).max(100_000_000_000).optional(),
        rateBp: z.number().int().min(1).max(3600).optional(),
        reason: z.string().trim().min(4).max(500),
      })
      .refine((p) => p.limitFen !== undefined || p.rateBp !== undefined, { message: 'limitFen or rateBp is required' }),
    output: CaseChange,
  },
  /** Field officer holding an investigation work order: findings, then to approval or declined. */
  'investigation:complete': {
    input: z.strictObject({ caseId: Id, outcome: z.enum(['approval', 'declined']), findings: z.string().trim().min(2).max(4000) }),
    output: CaseChange,
  },
  /** The rule set in force (with every parameter) and the list of earlier versions. */
  'screening:rules': {
    input: Empty,
    output: z.object({
      current: RuleSetView,
      versions: z.array(RuleSetInfo),
      /** Why this user cannot edit the rules (only administrators do); null when he can. */
      readOnly: BilingualText.nullable(),
    }),
  },
  /** One version as it was (a result names the version it used). */
  'screening:ruleSet': { input: z.strictObject({ version: z.number().int().min(1) }), output: RuleSetView },
  /** Admin: switch rules on/off and edit parameters; saved as a new version based on `basedOnVersion`. */
  'screening:updateRules': {
    input: z.strictObject({ basedOnVersion: z.number().int().min(1), note: ShortText.min(2), edit: PolicyEditSchema }),
    output: z.object({ version: z.number().int() }),
  },
  /** Admin: size of the negative list and the latest imports. */
  'negativeList:summary': { input: Empty, output: z.object({ total: z.number().int(), imports: z.array(ImportSummaryView) }) },
  /** Admin: start a CSV upload; a file over the limit is refused at once with a report. */
  'negativeList:begin': {
    input: z.strictObject({ fileName: z.string().trim().min(1).max(200), sizeBytes: z.number().int().min(0).max(10_000_000_000) }),
    output: z.object({ uploadId: z.string(), chunkBytes: z.number().int(), maxBytes: z.number().int(), report: ImportReportView.nullable() }),
  },
  /** Admin: one chunk of the file, base64, in order. */
  'negativeList:chunk': {
    input: z.strictObject({ uploadId: z.uuid(), index: z.number().int().min(0).max(100_000), data: z.string().max(720_000).regex(/^[A-Za-z0-9+/]*={0,2}$/) }),
    output: z.object({ receivedBytes: z.number().int() }),
  },
  /** Admin: import the uploaded file (UTF-8 or GBK): all rows or, on a fatal error, none; with a report. */
  'negativeList:commit': {
    input: z.strictObject({ uploadId: z.uuid(), encoding: z.enum(['auto', 'utf-8', 'gbk']).default('auto') }),
    output: ImportReportView,
  },
} as const;
