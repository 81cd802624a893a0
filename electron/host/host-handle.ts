import type { CallOptions, Channel, HostEvent } from '../../shared/api/contract';
import type { Result } from '../../shared/errors';
import type { DocumentOptions } from './documents/document-service';

/**
 * What a transport (Electron IPC in main, or the browser-mode HTTP server) needs from the host:
 * one dispatch function for the typed API, and a stream of push events.
 */
export interface HostHandle {
  /** Validate `input` against the contract, check the session and permissions, run the handler. Never throws. */
  dispatch(channel: Channel, token: string | null, input: unknown, options?: CallOptions): Promise<Result<unknown>>;
  /** Push events for the UI. `token` is set when the event concerns one session only (e.g. session-expired). */
  subscribe(listener: (event: HostEvent, token: string | null) => void): () => void;
  /** True if the token names a live session (used by the SSE endpoint before it opens a stream). */
  isSessionValid(token: string): boolean;
  close(): void;
}

export interface HostOptions {
  /** Folder holding the SQLite file and (later) documents. */
  dataDir: string;
  /** Create demo users and applications on first start. */
  seedDemo?: boolean;
  /** Number of demo applications (default 5,000). */
  demoCases?: number;
  /** Idle timeout of a session in minutes (default 15). */
  idleTimeoutMinutes?: number;
  /** Injectable clock for tests; defaults to Date.now. */
  now?: () => number;
  /**
   * Central server (e.g. http://127.0.0.1:5318). Set: logins, claims and the outbox go through it and its
   * change feed is pulled into the local store (seedDemo is ignored: the data comes from the server).
   * Unset: the host works alone, as before.
   */
  centralUrl?: string;
  /** Background sync round every so often in ms (default 2,000; 0: only when asked, for tests). */
  syncIntervalMs?: number;
  /** Offline login is allowed this long after the last login the server confirmed here (default 72). */
  offlineLoginHours?: number;
  /** Documents: size limit (default 20 MB), OCR workers (default 2). */
  documents?: DocumentOptions;
}
