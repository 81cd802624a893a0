import { z } from 'zod';
import { PASSWORD_MAX } from '../users/user-admin';
import { Empty, UserInfo } from './schemas';

/** Login and session. */
export const authApi = {
  /** Log in with username and password; returns a session token (idle timeout applies). */
  'auth:login': {
    input: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
    output: z.object({ token: z.string(), user: UserInfo, idleTimeoutMinutes: z.number().int() }),
    public: true,
  },
  /** End the session. */
  'auth:logout': { input: Empty, output: Empty },
  /** The logged-in user (also keeps the session alive). */
  'auth:me': { input: Empty, output: UserInfo },
  /**
   * The user changes his own password (the current one confirms it is him); required before anything else
   * after an administrator set it. His other sessions end. With a central server the change is made there.
   */
  'auth:changePassword': {
    input: z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(PASSWORD_MAX) }),
    output: Empty,
  },
} as const;
