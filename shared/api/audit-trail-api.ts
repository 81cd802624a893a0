import { z } from 'zod';
import { Id, IsoTime } from './schemas';

export const AuditFilter = z.strictObject({
  /** Maker: the person who did it (and, for confirmations, who proposed it). */
  makerId: Id.optional(),
  /** Checker: the person who confirmed a proposal. */
  checkerId: Id.optional(),
  action: z.string().max(40).regex(/^[A-Za-z]+$/).optional(),
  /** Application number (申请编号) or case id. */
  caseRef: z.string().max(40).optional(),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditRow = z.object({
  seq: z.number().int(),
  at: IsoTime,
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  caseId: z.string().nullable(),
  appNo: z.string().nullable(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  makerName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditRow = z.infer<typeof AuditRow>;

/** The auditor's view of the trail (like Fineract's /audits): filter, page, export. */
export const auditTrailApi = {
  'audit:list': {
    input: z.strictObject({ filter: AuditFilter.default({}), startRow: z.number().int().min(0), endRow: z.number().int().min(1) }),
    output: z.object({ rows: z.array(AuditRow), total: z.number().int() }),
  },
  /** The filtered trail as CSV (UTF-8 with BOM so Excel shows Chinese correctly). */
  'audit:exportCsv': { input: z.strictObject({ filter: AuditFilter.default({}) }), output: z.object({ filename: z.string(), csv: z.string() }) },
} as const;
