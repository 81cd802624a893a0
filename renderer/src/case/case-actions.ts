import type { CaseDetail, UserInfo } from '../../../shared/api/schemas';
import type { Permission } from '../../../shared/auth/permissions';
import type { CaseState } from '../../../shared/workflow/states';

export type CaseAction = 'claim' | 'release' | 'pass' | 'return' | 'assign';

/** Who may claim an unassigned case in each state (the queue it sits in). */
const CLAIM_PERMISSION: Partial<Record<CaseState, Permission>> = {
  submitted: 'doc.work',
  doc_check: 'doc.work',
  approval: 'approval.work',
  proposed: 'approval.work',
  investigation: 'investigation.work',
  approved: 'contract.work',
};

/** States in which a person works the case, so it can be held, released or (re)assigned. */
const WORKED_STATES: readonly CaseState[] = ['submitted', 'doc_check', 'approval', 'proposed', 'investigation', 'approved'];

/**
 * Which buttons make sense for this user on this case. Only a convenience: the host checks permissions,
 * segregation of duties and versions again and its refusal is shown as is.
 */
export function availableActions(detail: CaseDetail, user: UserInfo): Record<CaseAction, boolean> {
  const can = (p: Permission) => user.permissions.includes(p);
  const mine = detail.assigneeId === user.id;
  const claimPermission = CLAIM_PERMISSION[detail.state];
  const worked = WORKED_STATES.includes(detail.state);
  const checking = detail.state === 'doc_check' && mine && can('doc.work');
  return {
    claim: detail.assigneeId === null && claimPermission !== undefined && can(claimPermission),
    release: mine && worked,
    pass: checking,
    return: checking,
    assign: worked && can('case.assign'),
  };
}
