import type { usersApi } from '../../../../shared/api/users-api';
import { ok, type Result } from '../../../../shared/errors';
import { accountsReadOnly, mayManageUsers, mayReviewAccounts, reviewRefused, usersRefused } from '../../../../shared/users/user-admin';
import type { Session } from '../../auth/auth-service';
import { must, type HandlerGroup, type Services } from '../handler-types';

/** User administration of a standalone desktop (with a central server: sync/central-users.ts). */
export function userHandlers(s: Services): HandlerGroup<keyof typeof usersApi> {
  /** Runs `fn` for an administrator; refuses anyone else. */
  const asAdmin =
    <I, R>(fn: (me: Session, input: I) => Result<R> | Promise<Result<R>>) =>
    (input: I, session: Session | null): Result<R> | Promise<Result<R>> => {
      const me = must(session);
      return mayManageUsers(me.info.permissions) ? fn(me, input) : usersRefused();
    };
  return {
    'users:list': (_input, session) => {
      const { permissions } = must(session).info;
      return mayReviewAccounts(permissions) ? ok({ users: s.users.list(), readOnly: accountsReadOnly(permissions) }) : reviewRefused();
    },
    'users:create': asAdmin((me, input) => s.users.create(me, input)),
    'users:update': asAdmin((me, input) => s.users.update(me, input)),
    'users:resetPassword': asAdmin((me, input) => s.users.resetPassword(me, input)),
    'users:unlock': asAdmin((me, input) => s.users.unlock(me, input)),
    'users:history': (input, session) => (mayReviewAccounts(must(session).info.permissions) ? ok({ events: s.users.history(input.limit) }) : reviewRefused()),
  };
}
