import type { CaseChange } from '../../../shared/api/schemas';
import { fail, type AppError } from '../../../shared/errors';
import type { Db } from '../db/database';
import type { CentralClient } from './central-client';
import type { Replica } from './replica';
import type { SyncStore } from './sync-store';
import type { TokenBook } from './token-book';

/** What the pusher, the puller, login and claims share; the SyncService provides it. */
export interface SyncContext {
  db: Db;
  client: CentralClient;
  store: SyncStore;
  replica: Replica;
  tokens: TokenBook;
  now(): number;
  /** Tells the UI which cases changed (after the transaction). */
  emit(changes: CaseChange[]): void;
  /** The server answered (whatever it said). */
  reachable(): void;
  /** The server could not be reached. */
  unreachable(why: string): void;
  /** Something to show in the status bar until the next successful round. */
  problem(error: AppError): void;
  /** False once the host is closing: nothing more is written. */
  readonly active: boolean;
}

export const isAuthError = (e: AppError) => e.code === 'unauthenticated' || e.code === 'session-expired';

/** What a user is told when the server no longer takes this desktop's token for them. */
export const serverSessionLost = () =>
  fail('session-expired', '与中央服务器的登录已过期，请重新登录', 'Your session with the central server has expired; please log in again');
