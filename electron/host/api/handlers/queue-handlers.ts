import type { queuesApi } from '../../../../shared/api/queues-api';
import { ok } from '../../../../shared/errors';
import { must, type HandlerGroup, type Services } from '../handler-types';

export function queueHandlers(s: Services): HandlerGroup<keyof typeof queuesApi> {
  return {
    'queue:counts': (_input, session) => ok(s.queues.counts(must(session).info)),
    'queue:list': (input, session) => s.queues.list(input, must(session).info),
    'queue:claimNext': (input, session) => s.queues.claimNext(input.queue, must(session)),
  };
}
