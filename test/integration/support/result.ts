import type { Result } from '../../../shared/errors';

/** Unwraps a Result in a test, failing with the host's own message. */
export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message} / ${r.error.messageEn}`);
  return r.value;
}
