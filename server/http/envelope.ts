import type { FastifyReply } from 'fastify';
import { fail, type Result } from '../../shared/errors';
import { HTTP_STATUS } from '../../shared/sync/http-status';

/** Every answer is the Result envelope; the HTTP status follows the error code. */
export function send(reply: FastifyReply, result: Result<unknown>): FastifyReply {
  return reply.code(result.ok ? 200 : HTTP_STATUS[result.error.code]).send(result);
}

export const malformed = (zh: string, en: string) => fail('validation', zh, en);
