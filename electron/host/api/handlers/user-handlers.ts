import type { usersApi } from '../../../../shared/api/users-api';
import type { Permission } from '../../../../shared/auth/permissions';
import { ok, type Result } from '../../../../shared/errors';
import { accountsReadOnly, mayManageUsers, mayReviewAccounts, reviewRefused, usersRefused } from '../../../../shared/users/user-admin';
import type { Session } from '../../auth/auth-service';
import { must, type HandlerGroup, type Services } from '../handler-types';

/** User administration of a standalone desktop (with a central server: sync/central-users.ts). */
export function userHandlers(s: Services): HandlerGroup<keyof typeof usersApi> {
  /** Runs `fn` for a user the permission check lets through; refuses anyone else. */
  const gate =
    (may: (permissions: readonly Permission[]) => boolean, refused: () => Result<never>) =>
    <I, R>(fn: (me: Session, input: I) => Result<R> | Promise<Result<R>>) =>
    (input: I, session: Session | null): Result<R> | Promise<Result<R>> => {
      const me = must(session);
      return may(me.info.permissions) ? fn(me, input) : refused();
    };
  const asAdmin = gate(mayManageUsers, usersRefused);
  const asReviewer = gate(mayReviewAccounts, reviewRefused);
  return {
    'users:list': asReviewer((me) => ok({ users: s.users.list(), readOnly: accountsReadOnly(me.info.permissions) })),
    'users:history': asReviewer((_me, input) => ok(s.users.history(input))),
    'users:create': asAdmin((me, input) => s.users.create(me, input)),
    'users:update': asAdmin((me, input) => s.users.update(me, input)),
    'users:resetPassword': asAdmin((me, input) => s.users.resetPassword(me, input)),
    'users:unlock': asAdmin((me, input) => s.users.unlock(me, input)),
  };
}
