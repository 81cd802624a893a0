/** Settings of one server instance. Everything that must agree between instances lives in the database. */
export interface ServerConfig {
  /** How long a claim holds a case unless its desktop renews it (DESIGN §9: a vanished desktop strands nothing). */
  leaseMs: number;
  /** How often this instance releases expired claims; 0 = never (tests call the sweep themselves). */
  leaseSweepMs: number;
  /** Lifetime of a session token. */
  tokenTtlMs: number;
  maxFailedAttempts: number;
  lockoutMs: number;
  /** Largest JSON request body. */
  bodyLimitBytes: number;
  /** Largest document upload. */
  blobLimitBytes: number;
  /** Commands applied per transaction when a push carries many. */
  pushChunk: number;
  now: () => number;
  /**
   * Fault injection for the crash test only: the process kills itself (SIGKILL) right after committing this
   * many pushed commands, before answering — a server that dies mid-request with work committed.
   */
  crashAfterCommits?: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
  leaseMs: 30 * 60_000,
  leaseSweepMs: 30_000,
  tokenTtlMs: 12 * 3600_000,
  maxFailedAttempts: 5,
  lockoutMs: 30 * 60_000,
  bodyLimitBytes: 4 * 1024 * 1024,
  blobLimitBytes: 32 * 1024 * 1024,
  pushChunk: 100,
  now: Date.now,
};
