import type { CaseState } from '../workflow/states';

/**
 * SLA per stage in working minutes (DESIGN §2 defaults: 资料审核 4 working hours, 审批 1 working day,
 * 复核 4 working hours). `submitted` and `doc_check` share one clock: the stage starts when the branch submits.
 */
export interface SlaPolicy {
  docCheckMinutes: number;
  approvalMinutes: number;
  confirmMinutes: number;
  investigationMinutes: number;
}

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  docCheckMinutes: 240,
  approvalMinutes: 510,
  confirmMinutes: 240,
  investigationMinutes: 1020,
};

/** The SLA budget of the stage a state belongs to, or null where no clock runs (branch, system, terminal). */
export function slaMinutesFor(state: CaseState, policy: SlaPolicy): number | null {
  switch (state) {
    case 'submitted':
    case 'doc_check':
      return policy.docCheckMinutes;
    case 'approval':
      return policy.approvalMinutes;
    case 'proposed':
      return policy.confirmMinutes;
    case 'investigation':
      return policy.investigationMinutes;
    default:
      return null;
  }
}
