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
  /** The server's answer for a reviewer of the accounts (administrators, auditors, supervisors). */
  const asReviewer =
    <I, T>(call: (token: string, input: I) => Promise<Result<T>>) =>
    (input: I, session: Session | null): Promise<Result<T>> | Result<T> => {
      const me = must(session);
      if (!mayReviewAccounts(me.info.permissions)) return reviewRefused();
      return onServer(sync, me, offline, (token) => call(token, input));
    };
  /** An administrator's change, made on the server; then this desktop's copy of the users is read again. */
  const asAdmin =
    <I, T>(call: (token: string, input: I) => Promise<Result<T>>) =>
    async (input: I, session: Session | null): Promise<Result<T>> => {
      const me = must(session);
      if (!mayManageUsers(me.info.permissions)) return usersRefused();
      const r = await onServer(sync, me, offline, (token) => call(token, input));
      const token = sync.tokens.get(me.user.id);
      if (r.ok && token) await sync.refreshUsers(token);
      return r;
    };
  return {
    'users:list': asReviewer((token) => sync.client.adminUsers(token)),
    'users:history': asReviewer((token, input) => sync.client.accountHistory(token, input)),
    // One id for the request: the client sends this same body again if the connection drops.
    'users:create': asAdmin((token, input) => sync.client.createUser(token, { ...input, id: newAccountId() })),
    'users:update': asAdmin((token, input) => sync.client.updateUser(token, input)),
    'users:resetPassword': asAdmin((token, input) => sync.client.resetPassword(token, input)),
    'users:unlock': asAdmin((token, input) => sync.client.unlockUser(token, input)),
  };
}
