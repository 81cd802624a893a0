import { ok } from '../../../shared/errors';
import { must, type Handlers } from '../api/handler-types';
import { CentralLogin } from './central-login';
import { centralScreeningHandlers } from './central-screening';
import { ServerClaims } from './server-claims';
import type { SyncService } from './sync-service';

/**
 * With a central server, four channels change meaning (and the screening admin channels, see central-screening): login and logout go through the server (or the
 * offline verifier), and claims are decided by the server. Everything else stays local and optimistic,
 * reaching the server through the outbox.
 */
export function withCentralServer(handlers: Handlers, sync: SyncService): Handlers {
  const login = new CentralLogin(sync);
  const claims = new ServerClaims(sync);
  return {
    ...handlers,
    'auth:login': (input) => login.login(input.username, input.password),
    'auth:logout': (_input, session) => {
      login.logout(must(session));
      return ok({});
    },
    'case:claim': (input, session) => claims.claim(must(session), input),
    'queue:claimNext': (input, session) => claims.claimNext(must(session), input.queue),
    // The server screens: the negative list is the server's, and rule edits are refused here.
    ...centralScreeningHandlers(sync),
  };
}
