import type { z } from 'zod';

/**
 * A stored or received JSON text read as `schema` says, or null when it is not JSON or not of that shape:
 * for copies kept beside a command and details of audit entries, where one unreadable text is passed over
 * rather than failing everything read with it.
 */
export function jsonAs<T>(schema: z.ZodType<T>, json: string): T | null {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  const r = schema.safeParse(v);
  return r.success ? r.data : null;
}
