import type { z } from 'zod';
import { fail, ok, type Result } from '../errors';
import { unstorableTextAt } from '../validators/storable-text';

/**
 * Checks request data against its contract schema (the host's channels and the server's routes alike), and
 * that no text in it holds a character the stores cannot keep (storable-text.ts): refused here, on the
 * desktop, it never becomes a command the server refuses later. The refusal names the fields at fault,
 * never their values (they may be identity numbers).
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): Result<z.output<S>> {
  const r = schema.safeParse(value);
  if (r.success) {
    const at = unstorableTextAt(r.data);
    if (at === null) return ok(r.data);
    return fail(
      'validation',
      `文本中含有无法保存的字符（空字符或残缺的 Unicode 字符），请删除后重试：${at}`,
      `The text contains a character that cannot be stored (NUL or a broken Unicode character); remove it and try again: ${at}`,
    );
  }
  const issues = r.error.issues.slice(0, 10);
  const fields = [...new Set(issues.map((i) => i.path.join('.') || '(root)'))].slice(0, 3).join(', ');
  return fail('validation', `请求数据不合法：${fields}`, `Invalid request data: ${fields}`, {
    issues: issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  });
}
