import { ok } from '../../../shared/errors';
import { must, type Handlers } from '../api/handler-types';
import { centralAuthorityHandlers } from './central-authority';
import { CentralLogin } from './central-login';
import { centralScreeningHandlers } from './central-screening';
import { ServerClaims } from './server-claims';
import { centralUserHandlers } from './central-users';
import type { SyncService } from './sync-service';

/**
 * With a central server, some channels change meaning: login and logout go through the server (or the
 * offline verifier), claims are decided by the server, the screening admin channels are the server's (see
 * central-screening), the authority matrix is the one the server decides approvals by, edited there
 * (central-authority), and so are the accounts and one's own password (central-users, central-login).
 * Everything else stays local and optimistic, reaching the server through the outbox.
 */
export function withCentralServer(handlers: Handlers, sync: SyncService): Handlers {
  const login = new CentralLogin(sync);
  const claims = new ServerClaims(sync);
  return {
    ...handlers,
    'auth:login': (input) => login.login(input.username, input.password),
    'auth:changePassword': (input, session) => login.changePassword(must(session), input.currentPassword, input.newPassword),
    'auth:logout': (_input, session) => {
      login.logout(must(session));
      return ok({});
    },
    'case:claim': (input, session) => claims.claim(must(session), input),
    'queue:claimNext': (input, session) => claims.claimNext(must(session), input.queue),
    // The server screens: the negative list and the rule set versions are the server's.
    ...centralScreeningHandlers(sync),
    ...centralAuthorityHandlers(sync),
    ...centralUserHandlers(sync),
  };
}
