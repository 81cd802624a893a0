import type { CaseRecord } from '../domain/case';
import type { CaseEvent, CaseEventType } from './types';

/**
 * 资料审核 work: what a clerk records on a case he holds in doc_check. Whoever records any of these has checked
 * the documents (DESIGN §3), whether or not he is the one who passed them. Claim, release and assignment are
 * not here: holding a case without recording anything on it is not checking it.
 */
const DOC_CHECK_WORK: ReadonlySet<CaseEventType> = new Set<CaseEventType>([
  'documentFieldConfirmed',
  'documentFieldCorrected',
  'documentKindSet',
  'documentAdded', // only in doc_check: the branch adds documents while the case is submitted or returned
  'returnedForSupplement',
  'docCheckPassed',
]);

/** Applies events to a case. Pure; the only place a CaseRecord changes. */
export function evolve(state: CaseRecord | null, events: readonly CaseEvent[]): CaseRecord {
  let c = state;
  for (const e of events) c = apply(c, e);
  if (!c) throw new Error('evolve: no state and no submitted event');
  return c;
}

function apply(c: CaseRecord | null, e: CaseEvent): CaseRecord {
  if (e.type === 'submitted') {
    if (c) throw new Error('evolve: submitted event for an existing case');
    if (!e.data || !e.team) throw new Error('submitted event without data');
    return {
      id: e.caseId,
      state: 'submitted',
      version: 1,
      data: e.data,
      team: e.team,
      assigneeId: null,
      assigneeName: null,
      checkedBy: null,
      checkers: [],
      riskGrade: null,
      proposal: null,
      submittedAt: e.at,
      stageEnteredAt: e.at,
      slaDueAt: e.slaDueAt ?? null,
      returnCount: 0,
    };
  }
  if (!c) throw new Error(`evolve: ${e.type} before submitted`);
  const next: CaseRecord = { ...c, version: c.version + 1 };
  if (e.to && e.to !== c.state) {
    next.state = e.to;
    next.stageEnteredAt = e.at;
  }
  if (e.slaDueAt !== undefined) next.slaDueAt = e.slaDueAt;
  if (e.assignee !== undefined) {
    next.assigneeId = e.assignee?.id ?? null;
    next.assigneeName = e.assignee?.name ?? null;
  }
  // Decided on a case in doc_check, so `e.by` is the clerk holding it (the decides refuse anyone else).
  if (c.state === 'doc_check' && DOC_CHECK_WORK.has(e.type)) addChecker(next, e.by);
  if (e.checkedBy !== undefined) {
    next.checkedBy = e.checkedBy; // still the clerk who (last) passed the check
    addChecker(next, e.checkedBy);
  }
  if (e.riskGrade !== undefined) next.riskGrade = e.riskGrade;
  if (e.team !== undefined) next.team = e.team; // screening may route the case to another approval team
  if (e.proposal !== undefined) next.proposal = e.proposal;
  if (e.type === 'returnedForSupplement') next.returnCount = c.returnCount + 1;
  return next;
}

/** Adds `userId` to the checkers of `next` (a fresh copy of the case) once, replacing the array, never changing it. */
function addChecker(next: CaseRecord, userId: string): void {
  if (!next.checkers.includes(userId)) next.checkers = [...next.checkers, userId];
}
