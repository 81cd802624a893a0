/**
 * Server session tokens of the users logged in on this desktop, in memory only (never written to disk: a
 * copy of the data folder yields no live token). After a restart a user's waiting commands are pushed once
 * that user logs in again. A logged-out user's token is kept only until his waiting commands are pushed.
 */
export interface HeldToken {
  token: string;
  expiresAt: number;
  /** Logged out locally: used to push what is left, then given back to the server. */
  retiring: boolean;
}

export class TokenBook {
  private readonly tokens = new Map<string, HeldToken>();

  constructor(private readonly now: () => number) {}

  set(userId: string, token: string, expiresAt: number): void {
    this.tokens.set(userId, { token, expiresAt, retiring: false });
  }

  get(userId: string): string | null {
    const t = this.tokens.get(userId);
    if (!t) return null;
    if (t.expiresAt <= this.now()) {
      this.tokens.delete(userId);
      return null;
    }
    return t.token;
  }

  /** Any live token, for reading the feed (every user may read it); logged-in users first. */
  any(): { userId: string; token: string } | null {
    const live = [...this.tokens.entries()].filter(([id]) => this.get(id) !== null);
    const [userId, t] = live.find(([, x]) => !x.retiring) ?? live[0] ?? [];
    return userId && t ? { userId, token: t.token } : null;
  }

  /** Users logged in here now (not those logged out whose tokens wait to push what they left). */
  loggedIn(): string[] {
    return [...this.tokens.entries()].filter(([id, t]) => !t.retiring && this.get(id) !== null).map(([id]) => id);
  }

  users(): string[] {
    return [...this.tokens.keys()].filter((id) => this.get(id) !== null);
  }

  retire(userId: string): void {
    const t = this.tokens.get(userId);
    if (t) t.retiring = true;
  }

  /**
   * Retires the tokens of users logged in here who are not present any more (`present` says), as if they had
   * logged out. A token is only ever set once its user's local session exists (central-login.ts).
   */
  retireAbsent(present: (userId: string) => boolean): void {
    for (const [userId, t] of this.tokens) if (!present(userId)) t.retiring = true;
  }

  retiring(): { userId: string; token: string }[] {
    return [...this.tokens.entries()].filter(([, t]) => t.retiring).map(([userId, t]) => ({ userId, token: t.token }));
  }

  /** Forgets the user's token (only if it is still `token`, when given). */
  drop(userId: string, token?: string): void {
    if (token === undefined || this.tokens.get(userId)?.token === token) this.tokens.delete(userId);
  }

  clear(): void {
    this.tokens.clear();
  }
}
