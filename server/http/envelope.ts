import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { fail, ok, type Result } from '../../shared/errors';
import { HTTP_STATUS } from '../../shared/sync/http-status';

/** Every answer is the Result envelope; the HTTP status follows the error code. */
export function send(reply: FastifyReply, result: Result<unknown>): FastifyReply {
  return reply.code(result.ok ? 200 : HTTP_STATUS[result.error.code]).send(result);
}

/** Validates request data with a contract schema; the issues name paths, never echo values. */
export function parse<T>(schema: z.ZodType<T>, value: unknown): Result<T> {
  const r = schema.safeParse(value);
  if (r.success) return ok(r.data);
  return fail('validation', '请求数据不合法', 'Invalid request data', {
    issues: r.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  });
}

export const malformed = (zh: string, en: string) => fail('validation', zh, en);
