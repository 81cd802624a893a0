import { z } from 'zod';
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
} as const;
