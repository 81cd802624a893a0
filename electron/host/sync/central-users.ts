import type { usersApi } from '../../../shared/api/users-api';
import { fail, type Result } from '../../../shared/errors';
import { mayManageUsers, mayReviewAccounts, reviewRefused, usersRefused } from '../../../shared/users/user-admin';
import { newAccountId } from '../auth/account-id';
import type { Session } from '../auth/auth-service';
import { must, type HandlerGroup } from '../api/handler-types';
import { onServer } from './server-call';
import type { SyncService } from './sync-service';

const offline = () =>
  fail('offline', '当前离线：用户账户在中央服务器上管理，须联网后查看或修改', 'Offline: accounts are managed on the central server; connect to view or change them');

/**
 * With a central server the accounts are the server's (desktops keep a copy for offline login): the page
 * lists the server's accounts and every change is made there. After a change this desktop fetches the
 * users at once, so its own copy (and the sessions it ends) does not wait for the next refresh.
 */
export function centralUserHandlers(sync: SyncService): HandlerGroup<keyof typeof usersApi> {
  const change = async <T>(session: Session | null, call: (token: string) => Promise<Result<T>>): Promise<Result<T>> => {
    const me = must(session);
    if (!mayManageUsers(me.info.permissions)) return usersRefused();
    const r = await onServer(sync, me, offline, call);
    const token = sync.tokens.get(me.user.id);
    if (r.ok && token) await sync.refreshUsers(token);
    return r;
  };
  return {
    'users:list': (_input, session) => {
      const me = must(session);
      if (!mayReviewAccounts(me.info.permissions)) return reviewRefused();
      return onServer(sync, me, offline, (token) => sync.client.adminUsers(token));
    },
    'users:create': (input, session) => {
      const request = { ...input, id: newAccountId() }; // one id for every attempt of this request
      return change(session, (token) => sync.client.createUser(token, request));
    },
    'users:update': (input, session) => change(session, (token) => sync.client.updateUser(token, input)),
    'users:resetPassword': (input, session) => change(session, (token) => sync.client.resetPassword(token, input)),
    'users:unlock': (input, session) => change(session, (token) => sync.client.unlockUser(token, input)),
    'users:history': (input, session) => {
      const me = must(session);
      if (!mayReviewAccounts(me.info.permissions)) return reviewRefused();
      return onServer(sync, me, offline, (token) => sync.client.accountHistory(token, input.limit));
    },
  };
}
