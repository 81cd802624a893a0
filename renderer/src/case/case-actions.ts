import type { CaseDetail, UserInfo } from '../../../shared/api/schemas';
import type { CommandName } from '../../../shared/commands/registry';
import type { CaseState } from '../../../shared/workflow/states';

export type CaseAction = 'claim' | 'release' | 'pass' | 'return' | 'assign';

/** The host command behind each button of the case header. */
const COMMAND_OF: Record<Exclude<CaseAction, 'assign'>, CommandName> = {
  claim: 'claim',
  release: 'release',
  pass: 'passDocCheck',
  return: 'returnForSupplement',
};

/** States in which a person holds the case (shared/commands/work.ts WORKABLE). */
const WORKED_STATES: readonly CaseState[] = ['submitted', 'doc_check', 'approval', 'proposed', 'investigation', 'approved'];

/** Whether the host said it would accept this command from the viewer now (`CaseDetail.allowedActions`). */
export function hostAllows(detail: CaseDetail, command: CommandName): boolean {
  return detail.allowedActions.includes(command);
}

/**
 * Which buttons to offer. The host computes `allowedActions` with the same rules that execute the command
 * (state, holder, permission, segregation of duties, authority), so the UI keeps no copy of them. Assign is
 * not probed by the host (it needs a target person); the assign dialog lists only people the host accepts.
 */
export function availableActions(detail: CaseDetail, user: UserInfo): Record<CaseAction, boolean> {
  return {
    claim: hostAllows(detail, COMMAND_OF.claim),
    release: hostAllows(detail, COMMAND_OF.release),
    pass: hostAllows(detail, COMMAND_OF.pass),
    return: hostAllows(detail, COMMAND_OF.return),
    assign: WORKED_STATES.includes(detail.state) && user.permissions.includes('case.assign'),
  };
}
