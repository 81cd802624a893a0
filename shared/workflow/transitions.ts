import type { CaseState } from './states';

/**
 * The only state changes an application may make (DESIGN §2). Commands consult this table, so a command
 * can never move a case along an edge that is not here. Withdrawal is possible from every open state.
 */
const EDGES: Record<CaseState, readonly CaseState[]> = {
  submitted: ['doc_check', 'withdrawn'],
  doc_check: ['submitted', 'screening', 'returned', 'withdrawn'],
  returned: ['submitted', 'withdrawn'],
  screening: ['approval', 'investigation', 'declined', 'withdrawn'],
  investigation: ['approval', 'declined', 'withdrawn'],
  approval: ['proposed', 'doc_check', 'withdrawn'], // doc_check: officer sends back to the clerk who checked
  proposed: ['approved', 'declined', 'approval', 'withdrawn'],
  approved: ['contracted', 'withdrawn'],
  contracted: [],
  declined: [],
  withdrawn: [],
};

export function allowedNextStates(from: CaseState): readonly CaseState[] {
  return EDGES[from];
}

export function canTransition(from: CaseState, to: CaseState): boolean {
  return from === to || EDGES[from].includes(to);
}
