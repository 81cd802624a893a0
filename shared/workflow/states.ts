import type { Label } from '../domain/label';

/** Application states of DESIGN §2. */
export const CASE_STATES = [
  'submitted',
  'doc_check',
  'returned',
  'screening',
  'investigation',
  'approval',
  'proposed',
  'approved',
  'contracted',
  'declined',
  'withdrawn',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const STATE_LABELS: Record<CaseState, Label> = {
  submitted: { zh: '已受理', en: 'Submitted' },
  doc_check: { zh: '资料审核中', en: 'Document check' },
  returned: { zh: '退回补件', en: 'Returned for supplement' },
  screening: { zh: '风险筛查/测额', en: 'Screening' },
  investigation: { zh: '线下调查', en: 'Investigation' },
  approval: { zh: '待审批', en: 'Awaiting approval' },
  proposed: { zh: '待复核', en: 'Awaiting confirmation' },
  approved: { zh: '已批准', en: 'Approved' },
  contracted: { zh: '合同已生成', en: 'Contracted' },
  declined: { zh: '已拒绝', en: 'Declined' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const TERMINAL_STATES: readonly CaseState[] = ['contracted', 'declined', 'withdrawn'];

export function isTerminal(state: CaseState): boolean {
  return TERMINAL_STATES.includes(state);
}
