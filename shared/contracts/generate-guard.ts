import { hasPermission } from '../auth/permissions';
import { notFound, notYours, wrongState } from '../commands/guards';
import type { Actor } from '../commands/types';
import type { CaseRecord } from '../domain/case';
import { fail, ok, type Result } from '../errors';

/**
 * Who may generate a contract version: the contract desk (contract.work), on an approved case it holds — the
 * same conditions under which recordContract will accept the result.
 */
export function mayGenerateContract(c: CaseRecord | null, actor: Actor): Result<CaseRecord> {
  if (!hasPermission(actor.roles, 'contract.work')) return fail('forbidden', '您没有合同岗的权限', 'You do not have the contract desk permission');
  if (!c) return notFound();
  if (c.state !== 'approved') return wrongState(c, { zh: '生成合同', en: 'generate a contract' });
  if (c.assigneeId !== actor.id) return notYours(c);
  return ok(c);
}
