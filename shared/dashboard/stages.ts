import { slaMinutesFor, type SlaPolicy } from '../sla/sla-policy';
import type { CaseState } from '../workflow/states';
import type { Label } from '../domain/label';

/**
 * The stages of the credit factory a supervisor watches (DESIGN §2, §10). A stage groups the states a case
 * is in while one desk has it: 资料审核 covers `submitted` and `doc_check` because the SLA clock of document
 * checking runs from submission, whoever holds the case. `returned` (at the branch) and the end states
 * belong to no stage of the factory.
 */
export const STAGES = ['doc_check', 'screening', 'investigation', 'approval', 'confirm', 'contract'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, Label> = {
  doc_check: { zh: '资料审核', en: 'Document check' },
  screening: { zh: '风险筛查', en: 'Screening' },
  investigation: { zh: '线下调查', en: 'Investigation' },
  approval: { zh: '审批', en: 'Approval' },
  confirm: { zh: '复核', en: 'Confirmation' },
  contract: { zh: '合同', en: 'Contract' },
};

const STAGE_OF_STATE: Record<CaseState, Stage | null> = {
  submitted: 'doc_check',
  doc_check: 'doc_check',
  returned: null,
  screening: 'screening',
  investigation: 'investigation',
  approval: 'approval',
  proposed: 'confirm',
  approved: 'contract',
  contracted: null,
  declined: null,
  withdrawn: null,
};

/** A state the SLA policy knows for each stage, so budgets come from the one policy the commands use. */
const STATE_OF_STAGE: Record<Stage, CaseState> = {
  doc_check: 'doc_check',
  screening: 'screening',
  investigation: 'investigation',
  approval: 'approval',
  confirm: 'proposed',
  contract: 'approved',
};

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

/** The stage a state belongs to; null for the branch, the end states and anything unknown. */
export function stageOfState(state: string | null): Stage | null {
  if (state === null || !Object.prototype.hasOwnProperty.call(STAGE_OF_STATE, state)) return null;
  return STAGE_OF_STATE[state as CaseState];
}

/** SLA budget of a stage in working minutes, or null where no clock runs (screening, contract desk). */
export function stageSlaMinutes(stage: Stage, policy: SlaPolicy): number | null {
  return slaMinutesFor(STATE_OF_STAGE[stage], policy);
}
