import { fail, ok } from '../../../shared/errors';
import { must, type Handlers } from '../api/handler-types';
import { CentralLogin } from './central-login';
import { centralScreeningHandlers, RULES_ARE_THE_SERVERS } from './central-screening';
import { ServerClaims } from './server-claims';
import type { SyncService } from './sync-service';

/**
 * With a central server, some channels change meaning: login and logout go through the server (or the
 * offline verifier), claims are decided by the server, the screening admin channels are the server's (see
 * central-screening), and the authority matrix — which the server decides approvals by — is not edited on a
 * desktop. Everything else stays local and optimistic, reaching the server through the outbox.
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
    'screening:rules': async (input, session) => {
      const r = await handlers['screening:rules'](input, session);
      return r.ok ? ok({ ...r.value, readOnly: RULES_ARE_THE_SERVERS }) : r;
    },
    // A matrix edited here would let this desktop accept proposals the server then refuses.
    'authority:update': (input, session) =>
      must(session).info.permissions.includes('admin.manage')
        ? fail(
            'forbidden',
            '本机已连接中央服务器，审批权限表由中央服务器统一执行，不能在本机修改',
            'This desktop syncs with a central server, which decides approvals by its own authority matrix: it cannot be edited here',
          )
        : handlers['authority:update'](input, session),
  };
}
