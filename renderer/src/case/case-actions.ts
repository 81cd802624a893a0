import type { CaseDetail, UserInfo } from '../../../shared/api/schemas';
import { stagePermission } from '../../../shared/commands/guards';
import type { Permission } from '../../../shared/auth/permissions';
import type { CaseState } from '../../../shared/workflow/states';

export type CaseAction = 'claim' | 'release' | 'pass' | 'return' | 'assign';

/** States in which a person holds the case (shared/commands/work.ts WORKABLE). */
const WORKED_STATES: readonly CaseState[] = ['submitted', 'doc_check', 'approval', 'proposed', 'investigation', 'approved'];

/**
 * Which buttons make sense for this user on this case. Only a convenience: the host checks permissions,
 * segregation of duties and versions again, and its refusal is shown as is.
 */
export function availableActions(detail: CaseDetail, user: UserInfo): Record<CaseAction, boolean> {
  const can = (p: Permission | null) => p !== null && user.permissions.includes(p);
  const mine = detail.assigneeId === user.id;
  const worked = WORKED_STATES.includes(detail.state);
  const stageAllowed = can(stagePermission(detail.state));
  const approving = detail.state === 'approval' || detail.state === 'proposed';
  // Same refusals as the shared rules, so the button is not offered only to be refused.
  const sodBlocked = approving && detail.checkedBy === user.id;
  const otherTeam = detail.state === 'approval' && user.team !== null && user.team !== detail.team;
  const checking = detail.state === 'doc_check' && mine && can('doc.work');
  return {
    claim: worked && detail.assigneeId === null && stageAllowed && !sodBlocked && !otherTeam,
    release: worked && mine,
    pass: checking,
    return: checking,
    assign: worked && can('case.assign'),
  };
}
