/**
 * One error style across every boundary (IPC, HTTP, server): a result envelope with a code from one union.
 * Every user-facing error carries Chinese text first and English beside it.
 */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'session-expired'
  | 'account-locked'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'invalid-transition'
  | 'sod-violation'
  | 'offline'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  /** 中文说明 (shown by default) */
  message: string;
  /** English text for the en-US locale and for logs. */
  messageEn: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(
  code: ErrorCode,
  message: string,
  messageEn: string,
  details?: Record<string, unknown>,
): { ok: false; error: AppError } {
  return { ok: false, error: details ? { code, message, messageEn, details } : { code, message, messageEn } };
}

/** Thrown inside a host transaction to abort it and surface a typed error; caught by the transport wrapper. */
export class AppErrorException extends Error {
  constructor(readonly appError: AppError) {
    super(`${appError.code}: ${appError.messageEn}`);
    this.name = 'AppErrorException';
  }
}
