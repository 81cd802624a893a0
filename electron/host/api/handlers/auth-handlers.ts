import type { authApi } from '../../../../shared/api/auth-api';
import { ok } from '../../../../shared/errors';
import { must, type HandlerGroup, type Services } from '../handler-types';

export function authHandlers(s: Services): HandlerGroup<keyof typeof authApi> {
  return {
    'auth:login': (input) => s.auth.login(input.username, input.password),
    'auth:logout': (_input, session) => {
      s.auth.logout(must(session));
      return ok({});
    },
    'auth:me': (_input, session) => ok(must(session).info),
    'auth:changePassword': (input, session) => s.auth.changePassword(must(session), input.currentPassword, input.newPassword),
  };
}
