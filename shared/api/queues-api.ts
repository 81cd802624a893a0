import { z } from 'zod';
import { CaseChange, Empty, QueueCounts, QueueId, QueuePage, QueueQuery } from './schemas';

/** Work queues: counts, host-paged lists, claim next. */
export const queuesApi = {
  /** Case counts of every queue the user may open, with how many are past their SLA. */
  'queue:counts': { input: Empty, output: QueueCounts },
  /** One page of a queue, sorted and filtered by the host (AG Grid infinite row model). */
  'queue:list': { input: QueueQuery, output: QueuePage },
  /** 领取下一件: claim the highest-priority, earliest-SLA unclaimed case of a queue. */
  'queue:claimNext': { input: z.strictObject({ queue: QueueId }), output: CaseChange },
} as const;
