import type { syncApi } from '../../../../shared/api/sync-api';
import { ok } from '../../../../shared/errors';
import { must, type HandlerGroup, type Services } from '../handler-types';

export function syncHandlers(s: Services): HandlerGroup<keyof typeof syncApi> {
  return {
    'sync:status': (_input, session) => ok(s.sync.status(must(session).info)),
    'sync:rejected': (input, session) => ok({ items: s.sync.rejected(must(session).info, input.limit) }),
    'sync:now': async (_input, session) => {
      await s.sync.syncNow();
      return ok(s.sync.status(must(session).info));
    },
  };
}
