import type { CaseEventType } from '../commands/types';
import type { Label } from '../domain/label';

/**
 * How each audited event type bears on the metrics. An event type missing here (added by a later
 * capability) is still read correctly: its details are loaded and the holder follows details.assignee.
 */

/** Who holds the case after the event: the actor, the person named in details.assignee, nobody, or as before. */
export type HolderRule = 'actor' | 'details' | 'clear' | 'keep';

export const HOLDER_RULES: Partial<Record<CaseEventType, HolderRule>> = {
  submitted: 'keep',
  claimed: 'actor',
  released: 'clear',
  assigned: 'details',
  docCheckPassed: 'clear',
  returnedForSupplement: 'clear',
  resubmitted: 'keep',
  withdrawn: 'clear',
  screeningCompleted: 'keep',
  investigationCompleted: 'clear',
  proposed: 'clear',
  confirmed: 'clear',
  sentBack: 'details',
  returnedToDocCheck: 'details',
  contractRecorded: 'clear',
  screeningOverridden: 'keep',
};

/** 退回: the three ways work goes back a step. 补件 to the branch, 退回资料审核 from approval, 复核退回. */
export const RETURN_KINDS = ['supplement', 'toDocCheck', 'sentBack'] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];

export const RETURN_KIND_OF: Partial<Record<string, ReturnKind>> = {
  returnedForSupplement: 'supplement',
  returnedToDocCheck: 'toDocCheck',
  sentBack: 'sentBack',
};

export const RETURN_KIND_LABELS: Record<ReturnKind, Label> = {
  supplement: { zh: '退回补件', en: 'Returned for supplement' },
  toDocCheck: { zh: '退回资料审核', en: 'Returned to document check' },
  sentBack: { zh: '复核退回', en: 'Sent back by checker' },
};

/**
 * A person's finished piece of work on a case (counted as "handled"). Each ends the actor's hold on the case,
 * so handling time runs from when the person took the case to this event.
 */
export const WORK_ACTIONS: ReadonlySet<string> = new Set<CaseEventType>([
  'docCheckPassed',
  'returnedForSupplement',
  'proposed',
  'confirmed',
  'sentBack',
  'returnedToDocCheck',
  'investigationCompleted',
  'contractRecorded',
]);

/**
 * Review outcomes: each either passes the case on or returns it. Return rate = returns / review outcomes,
 * so it reads as "of the cases reviewed, how many went back".
 */
export const REVIEW_ACTIONS: ReadonlySet<string> = new Set<CaseEventType>([
  'docCheckPassed',
  'returnedForSupplement',
  'proposed',
  'returnedToDocCheck',
  'confirmed',
  'sentBack',
]);

/** Event types whose details the metrics read; the host loads details only for these (and unknown types). */
export function needsDetails(action: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(HOLDER_RULES, action)) return true;
  return HOLDER_RULES[action as CaseEventType] === 'details' || action in RETURN_KIND_OF || action === 'screeningCompleted';
}

/** Known event types whose details the host may leave out, and those whose details it must read. */
export const ACTIONS_WITHOUT_DETAILS: readonly string[] = Object.keys(HOLDER_RULES).filter((a) => !needsDetails(a));
export const ACTIONS_WITH_DETAILS: readonly string[] = Object.keys(HOLDER_RULES).filter((a) => needsDetails(a));
