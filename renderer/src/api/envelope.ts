import type { AppError, ErrorCode, Result } from '../../../shared/errors';
import { fail } from '../../../shared/errors';

const ERROR_CODES: readonly ErrorCode[] = [
  'validation',
  'unauthenticated',
  'session-expired',
  'account-locked',
  'forbidden',
  'not-found',
  'conflict',
  'invalid-transition',
  'sod-violation',
  'offline',
  'internal',
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The transport could not reach the host at all (network down, host not running). */
export function offlineError(): { ok: false; error: AppError } {
  return fail('offline', '无法连接工作台服务，请检查网络或稍后重试', 'Cannot reach the workbench host; check the connection and try again');
}

/** The host answered, but not with something this UI understands (version skew or a host bug). */
export function badResponseError(why: string): { ok: false; error: AppError } {
  return fail('internal', `工作台服务返回了无法识别的响应（${why}）`, `The workbench host sent a response this screen cannot read (${why})`);
}

/**
 * Checks that whatever came over the wire is a Result envelope. Transports hand us `unknown` because IPC and
 * JSON erase types; the value itself is validated against the contract afterwards by the client.
 */
export function toEnvelope(raw: unknown): Result<unknown> {
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') return badResponseError('no result envelope');
  if (raw.ok) return { ok: true, value: raw.value };
  const error = raw.error;
  if (!isRecord(error) || typeof error.message !== 'string') return badResponseError('malformed error');
  const code = ERROR_CODES.includes(error.code as ErrorCode) ? (error.code as ErrorCode) : 'internal';
  const messageEn = typeof error.messageEn === 'string' ? error.messageEn : error.message;
  const details = isRecord(error.details) ? error.details : undefined;
  return { ok: false, error: details ? { code, message: error.message, messageEn, details } : { code, message: error.message, messageEn } };
}
