import { z } from 'zod';
import { BilingualText, Empty } from './schemas';

/** The audit trail. */
export const auditApi = {
  /** Verify the hash chain of the audit trail; reports the first broken link. */
  'audit:verify': {
    input: Empty,
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      firstBroken: z.object({ seq: z.number().int(), reason: BilingualText }).nullable(),
    }),
  },
} as const;
