import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UserInfo } from '../../../shared/api/schemas';
import type { Permission } from '../../../shared/auth/permissions';
import type { AppError } from '../../../shared/errors';
import { client, userInput } from '../api';
import { useIdleLogout } from './useIdleLogout';

/**
 * The token survives a page reload in the same tab (sessionStorage, never localStorage): closing the
 * window ends it, and the host's idle timeout still applies.
 */
const TOKEN_KEY = 'cfw.session';
const IDLE_KEY = 'cfw.idleMinutes';

const IDLE_NOTICE: AppError = {
  code: 'session-expired',
  message: '长时间未操作，已自动退出，请重新登录',
  messageEn: 'You were logged out after a period of inactivity; please log in again',
};

type Status = 'restoring' | 'anonymous' | 'authenticated';

export interface Session {
  status: Status;
  user: UserInfo | null;
  /** Why the user is on the login page (session expired, logged out elsewhere …). */
  notice: AppError | null;
  login(username: string, password: string): Promise<AppError | null>;
  logout(): Promise<void>;
  /** Reads the user again (after he changed his password, which lifts `mustChangePassword`). */
  refreshUser(): Promise<void>;
  can(permission: Permission): boolean;
}

function readStoredToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function readStoredIdle(): number | null {
  try {
    const minutes = Number(sessionStorage.getItem(IDLE_KEY));
    return Number.isInteger(minutes) && minutes > 0 ? minutes : null;
  } catch {
    return null;
  }
}

function storeSession(token: string | null, idleMinutes: number | null = null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
    if (token && idleMinutes) sessionStorage.setItem(IDLE_KEY, String(idleMinutes));
    else sessionStorage.removeItem(IDLE_KEY);
  } catch {
    // without storage a reload simply asks to log in again
  }
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>(() => (readStoredToken() ? 'restoring' : 'anonymous'));
  const [user, setUser] = useState<UserInfo | null>(null);
  const [notice, setNotice] = useState<AppError | null>(null);
  const [idleMinutes, setIdleMinutes] = useState<number | null>(readStoredIdle);

  useEffect(() => {
    return client.onSessionLost((error) => {
      storeSession(null);
      setUser(null);
      setNotice(error);
      setStatus('anonymous');
    });
  }, []);

  useEffect(() => {
    const token = readStoredToken();
    if (!token) return;
    let cancelled = false;
    client.setToken(token);
    void client.call('auth:me', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setUser(result.value);
        setStatus('authenticated');
      } else {
        // An expired token is routine after a reload; no need to alarm the user with a notice.
        client.setToken(null);
        storeSession(null);
        setStatus('anonymous');
      }
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const result = await client.call('auth:login', { username, password });
    if (!result.ok) return result.error;
    client.setToken(result.value.token);
    storeSession(result.value.token, result.value.idleTimeoutMinutes);
    setIdleMinutes(result.value.idleTimeoutMinutes);
    setUser(result.value.user);
    setNotice(null);
    setStatus('authenticated');
    return null;
  }, []);

  const endSession = useCallback(async (why: AppError | null) => {
    if (client.sessionToken) await client.call('auth:logout', {});
    client.setToken(null);
    storeSession(null);
    setUser(null);
    setNotice(why);
    setStatus('anonymous');
  }, []);

  const logout = useCallback(() => endSession(null), [endSession]);
  const refreshUser = useCallback(async () => {
    const result = await client.call('auth:me', {});
    if (result.ok) setUser(result.value);
  }, []);
  const onIdle = useCallback(() => void endSession(IDLE_NOTICE), [endSession]);
  // Input seen since the last half-minute check: the host hears the session is in use.
  const onActive = useCallback(() => void client.call('auth:me', {}, { background: false }), []);
  useIdleLogout(status === 'authenticated' ? idleMinutes : null, userInput, onIdle, onActive);

  const value = useMemo<Session>(
    () => ({
      status,
      user,
      notice,
      login,
      logout,
      refreshUser,
      can: (permission) => user?.permissions.includes(permission) ?? false,
    }),
    [status, user, notice, login, logout, refreshUser],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** For pages that only render when logged in. */
export function useUser(): UserInfo {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a logged-in user');
  return user;
}
