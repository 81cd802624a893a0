import type { z } from 'zod';
import { auditDetails, MAX_EVENT_DETAILS } from '../audit/event-audit';
import { hasPermission } from '../auth/permissions';
import type { CaseRecord } from '../domain/case';
import { fail, type Result } from '../errors';
import { canTransition } from '../workflow/transitions';
import { confirm, propose, returnToDocCheck, sendBack } from './approval';
import { recordContract } from './contract';
import { passDocCheck, returnForSupplement } from './doc-check';
import { addDocument, reviewDocument } from './documents';
import { resubmit, submit, withdraw } from './intake';
import { completeInvestigation, completeScreening } from './screening';
import { overrideScreening } from './screening-overrides';
import type { CaseEvent, DecideContext } from './types';
import { assign, claim, release } from './work';

/** Every command of the workflow. The host and the central server both execute through `decideCommand`. */
export const COMMANDS = {
  submit,
  resubmit,
  withdraw,
  claim,
  release,
  assign,
  passDocCheck,
  returnForSupplement,
  completeScreening,
  completeInvestigation,
  propose,
  confirm,
  sendBack,
  returnToDocCheck,
  recordContract,
  overrideScreening,
  addDocument,
  reviewDocument,
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandPayload<N extends CommandName> = z.input<(typeof COMMANDS)[N]['schema']>;

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

/**
 * Validates the payload, checks the actor's permission for the case's stage, runs the command's pure
 * `decide`, and refuses any event that would leave the state machine of DESIGN §2.
 */
export function decideCommand(name: CommandName, state: CaseRecord | null, rawPayload: unknown, ctx: DecideContext): Result<CaseEvent[]> {
  const def = COMMANDS[name];
  const parsed = def.schema.safeParse(rawPayload);
  if (!parsed.success) {
    return fail('validation', '输入数据不合法', 'Invalid input', { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  }
  // The payload names the case the caller thinks it is acting on; it must be the one that was loaded.
  if (state && parsed.data.caseId !== state.id) return fail('validation', '案件编号不一致', 'caseId does not match the case');
  const permission = def.permission(state);
  if (permission === null) {
    return state ? fail('invalid-transition', '该状态下无人可处理此案件', 'Nobody works a case in this state') : fail('not-found', '案件不存在', 'Case not found');
  }
  if (!hasPermission(ctx.actor.roles, permission)) {
    return fail('forbidden', '您没有执行此操作的权限', 'You do not have permission for this action', { permission });
  }
  // Each command's payload type is tied to its own schema; the union of decide signatures cannot be
  // called with the union of payloads, so we call through a widened signature after parsing.
  const decide = def.decide as (s: CaseRecord | null, p: unknown, c: DecideContext) => Result<CaseEvent[]>;
  const result = decide(state, parsed.data, ctx);
  if (!result.ok) return result;
  let from = state?.state ?? null;
  for (const e of result.value) {
    if (from !== null && e.to && !canTransition(from, e.to)) {
      return fail('invalid-transition', '不允许的状态变更', 'State change not allowed', { from, to: e.to });
    }
    if (e.to) from = e.to;
  }
  // Text within each field's limit can still make an entry longer than the feed carries: JSON writes an
  // invisible control character as six. Refused here, on the desktop and on the server alike, rather than
  // stored where no desktop could read it back.
  if (result.value.some((e) => JSON.stringify(auditDetails(e)).length > MAX_EVENT_DETAILS)) {
    return fail('validation', '填写的内容过长（或含有不可见的控制字符），请删减后重试', 'The text entered is too long (or holds invisible control characters); shorten it and try again');
  }
  return result;
}
