import { z } from 'zod';
import { CaseId } from '../commands/case-id';
import { ApplicationDataSchema } from '../commands/intake';
import type { CaseRecord } from '../domain/case';
import { CASE_STATES } from '../workflow/states';

const IsoTime = z.string().min(1).max(40);
const UserId = z.string().min(1).max(64);

/**
 * A case as the central server holds it: the exact `CaseRecord` that `decide` works on. The fields every
 * store indexes are checked; the object is loose so that a field a later capability adds to CaseRecord (or
 * to a proposal) travels through sync instead of being dropped or refused here.
 */
const CaseSnapshotShape = z.looseObject({
  id: CaseId,
  state: z.enum(CASE_STATES),
  version: z.number().int().min(1),
  data: ApplicationDataSchema,
  team: z.enum(['retail', 'corporate']),
  assigneeId: UserId.nullable(),
  assigneeName: z.string().max(60).nullable(),
  checkedBy: UserId.nullable(),
  proposal: z.looseObject({ by: UserId, byName: z.string().max(60), at: IsoTime, decision: z.enum(['approve', 'decline']) }).nullable(),
  submittedAt: IsoTime,
  stageEnteredAt: IsoTime,
  slaDueAt: IsoTime.nullable(),
  returnCount: z.number().int().min(0),
});

// The checked shape is a subset of CaseRecord; the rest of the record passes through unchanged.
export const CaseSnapshot = CaseSnapshotShape as unknown as z.ZodType<CaseRecord>;
