import type { z } from 'zod';
import { api, type ApiInput, type ApiOutput, type CallOptions, type Channel, type HostEvent } from '../../../shared/api/contract';
import type { AppError, ErrorCode, Result } from '../../../shared/errors';
import { badResponseError, toEnvelope } from './envelope';
import type { SessionAwareTransport } from './transport';

/**
 * Codes after which the session is gone and the user must log in again (a lockout reached in a session, by
 * wrong current passwords, ends it).
 */
const SESSION_LOST: readonly ErrorCode[] = ['session-expired', 'unauthenticated', 'account-locked'];

/**
 * The one API client of the UI. It holds the session token, hides which transport is underneath, checks
 * every answer against the contract's output schema, and reports a lost session once to whoever listens.
 */
export class ApiClient {
  private token: string | null = null;
  private readonly eventListeners = new Set<(event: HostEvent) => void>();
  private readonly sessionLostListeners = new Set<(error: AppError) => void>();

  constructor(
    private readonly transport: SessionAwareTransport,
    /**
     * Whether the user has just used the keyboard or mouse: a call made otherwise goes as background
     * (CallOptions), so the page's own refreshes do not keep an unattended session alive on the host.
     * Without it every call counts as the user's.
     */
    private readonly userActive: () => boolean = () => true,
  ) {
    // Subscribed for the client's whole life so the host can always tell us the session expired.
    transport.onEvent((event) => {
      if (event.type === 'session-expired') {
        if (this.token !== null) {
          this.loseSession({ code: 'session-expired', message: '会话已超时，请重新登录', messageEn: 'Your session has expired; please log in again' });
        }
        return;
      }
      for (const listener of [...this.eventListeners]) listener(event);
    });
  }

  get sessionToken(): string | null {
    return this.token;
  }

  setToken(token: string | null): void {
    this.token = token;
    this.transport.setSessionToken?.(token);
  }

  /** `options` overrides whether the call counts as the user's (a keep-alive sent for input seen earlier does). */
  async call<C extends Channel>(channel: C, input: ApiInput<C>, options?: CallOptions): Promise<Result<ApiOutput<C>>> {
    const tokenUsed = this.token;
    const background = options?.background ?? !this.userActive();
    const envelope = toEnvelope(await this.transport.invoke(channel, tokenUsed, input, { background }));
    if (!envelope.ok) {
      // A failed login is not a lost session; and an answer to a call made under an older token is stale.
      if (SESSION_LOST.includes(envelope.error.code) && channel !== 'auth:login' && tokenUsed !== null && tokenUsed === this.token) {
        this.loseSession(envelope.error);
      }
      return envelope;
    }
    // The schemas of all channels form a union TypeScript cannot narrow by C; this one is api[C]['output'].
    const schema = api[channel].output as unknown as z.ZodType<ApiOutput<C>>;
    const parsed = schema.safeParse(envelope.value);
    if (!parsed.success) {
      // Paths and messages only: values could be personal data.
      console.error(`Response of ${channel} does not match the contract`, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return badResponseError(channel);
    }
    return { ok: true, value: parsed.data };
  }

  /** Push events other than session expiry (which the client handles itself). */
  onEvent(listener: (event: HostEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onSessionLost(listener: (error: AppError) => void): () => void {
    this.sessionLostListeners.add(listener);
    return () => this.sessionLostListeners.delete(listener);
  }

  private loseSession(error: AppError): void {
    this.setToken(null);
    for (const listener of [...this.sessionLostListeners]) listener(error);
  }
}
