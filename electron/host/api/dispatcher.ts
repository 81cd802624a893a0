import { api, CHANNELS, isPublicChannel, type CallOptions, type Channel } from '../../../shared/api/contract';
import { parseInput } from '../../../shared/api/parse-input';
import { AppErrorException, fail, type Result } from '../../../shared/errors';
import type { AuthService, Session } from '../auth/auth-service';
import { changePasswordFirst } from '../../../shared/users/user-admin';
import type { Handlers } from './handlers';
import { log } from '../log';

/**
 * Channels the UI calls on a timer, not at the user's hand (the status bar asks every few seconds): they do not
 * keep a session alive, so an unattended workbench still reaches its idle timeout here, not only in the UI.
 * Any other call the UI marks as background (CallOptions) does not either: pages re-query when pulled changes
 * arrive, and in central mode colleagues' work would otherwise keep an unattended session alive.
 */
const BACKGROUND_CHANNELS: readonly Channel[] = ['sync:status'];

/** What a user whose password an administrator set may do before changing it. */
const BEFORE_PASSWORD_CHANGE: readonly Channel[] = ['auth:me', 'auth:logout', 'auth:changePassword'];

/**
 * The single entry for both transports: validate the payload against the contract, resolve the session,
 * run the handler, and turn anything thrown into a typed error. Never throws.
 */
export function createDispatcher(handlers: Handlers, auth: AuthService) {
  return async function dispatch(channel: Channel, token: string | null, input: unknown, options: CallOptions = {}): Promise<Result<unknown>> {
    if (!CHANNELS.includes(channel)) return fail('not-found', '未知的接口', `Unknown API channel`);
    // Who is asking comes first: an anonymous caller learns nothing about the shape of the API.
    let session: Session | null = null;
    if (!isPublicChannel(channel)) {
      const s = auth.resolve(token, options.background !== true && !BACKGROUND_CHANNELS.includes(channel));
      if (!s.ok) return s;
      session = s.value;
      if (session.user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.includes(channel)) return changePasswordFirst();
    }
    const def = api[channel];
    // No input at all means an empty one (channels without parameters); null or any other junk is refused.
    const parsed = parseInput(def.input, input === undefined ? {} : input);
    if (!parsed.ok) return parsed;
    try {
      // The handler map is keyed by channel; TypeScript cannot correlate the key with the parsed input type.
      const handler = handlers[channel] as (i: unknown, s: Session | null) => Promise<Result<unknown>> | Result<unknown>;
      return await handler(parsed.value, session);
    } catch (e) {
      if (e instanceof AppErrorException) return { ok: false, error: e.appError };
      log.error('api', `${channel} failed`, e);
      return fail('internal', '系统内部错误，操作未完成，请稍后重试', 'Internal error; nothing was changed. Please try again');
    }
  };
}
