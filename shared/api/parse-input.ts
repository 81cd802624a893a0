import type { z } from 'zod';
import { fail, ok, type Result } from '../errors';

/**
 * Checks request data against its contract schema (the host's channels and the server's routes alike). The
 * refusal names the fields at fault, never their values (they may be identity numbers).
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): Result<z.output<S>> {
  const r = schema.safeParse(value);
  if (r.success) return ok(r.data);
  const issues = r.error.issues.slice(0, 10);
  const fields = [...new Set(issues.map((i) => i.path.join('.') || '(root)'))].slice(0, 3).join(', ');
  return fail('validation', `请求数据不合法：${fields}`, `Invalid request data: ${fields}`, {
    issues: issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  });
}
