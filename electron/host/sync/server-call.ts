import type { AppError, Result } from '../../../shared/errors';
import type { Session } from '../auth/auth-service';
import { CentralUnreachable } from './central-client';
import { isAuthError, serverSessionLost } from './sync-context';
import type { SyncService } from './sync-service';

/**
 * A desktop channel answered by the central server, with the signed-in user's server token: offline (no
 * token, or the server unreachable) gives `offline`, and a token the server no longer accepts is dropped
 * and reported as the server session lost, so the user knows to log in again. `token`: another than the
 * user's syncing one (the one held for a password change).
 */
export async function onServer<T>(
  sync: SyncService,
  me: Session,
  offline: () => { ok: false; error: AppError },
  call: (token: string) => Promise<Result<T>>,
  token = sync.tokens.get(me.user.id),
): Promise<Result<T>> {
  if (!token) return sync.isOnline ? serverSessionLost() : offline();
  let r: Result<T>;
  try {
    r = await call(token);
  } catch (e) {
    if (!(e instanceof CentralUnreachable)) throw e;
    sync.unreachable(e.why);
    return offline();
  }
  sync.reachable();
  if (!r.ok && isAuthError(r.error)) {
    sync.tokens.drop(me.user.id);
    return serverSessionLost();
  }
  return r;
}
