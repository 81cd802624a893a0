import { QUEUE_IDS, mayOpenQueue, type QueueId } from '../../../shared/api/queues';
import type { UserInfo } from '../../../shared/api/schemas';

/** Queues the user may open, in the contract's order ('mine' for everyone). The host checks again. */
export function visibleQueues(user: UserInfo): QueueId[] {
  return QUEUE_IDS.filter((queue) => mayOpenQueue(queue, user));
}

export function isQueueId(value: string): value is QueueId {
  return (QUEUE_IDS as readonly string[]).includes(value);
}
