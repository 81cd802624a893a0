import { RETURN_KINDS, type ReturnKind } from './actions';
import { RecordTable } from './columns';
import { STAGES, type Stage } from './stages';

/**
 * What the metrics are computed from: the audit trail folded into intervals and facts, as typed-array
 * tables (columns.ts). All times are epoch milliseconds, all durations working minutes (Asia/Shanghai
 * calendar). Cases and people are referred to by their index in DashboardLog.cases / .people; stages by
 * their index in STAGES (NO_STAGE where none applies).
 */

/** One audited row as the dashboard reads it (the audit table's columns; details only where needed). */
export interface AuditEvent {
  seq: number;
  at: string; // UTC ISO
  actorId: string;
  actorName: string;
  action: string;
  caseId: string | null;
  fromState: string | null;
  toState: string | null;
  /** The JSON text as stored; null when the reader left it out because needsDetails(action) is false. */
  details: string | null;
}

/** Case attributes the filters use (team may change at screening; product and branch never do). */
export interface CaseFacts {
  team: string;
  product: string;
  branch: string;
}

export interface CaseEntry extends CaseFacts {
  id: string;
  /** People (indexes) who acted on the case, for the person filter on case-level figures. */
  actors: number[];
}

export interface PersonEntry {
  id: string;
  name: string;
}

export const NO_STAGE = 255;
export const STAGE_IX: Record<Stage, number> = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<Stage, number>;
export const stageAt = (ix: number): Stage | null => (ix === NO_STAGE ? null : STAGES[ix]!);

/** 1-based code of a return kind (0: not a return). */
export const returnKindCode = (kind: ReturnKind | null): number => (kind ? RETURN_KINDS.indexOf(kind) + 1 : 0);
export const returnKindAt = (code: number): ReturnKind | null => (code === 0 ? null : RETURN_KINDS[code - 1]!);

export const SCREENING_OUTCOMES = ['approval', 'investigation', 'declined'] as const;
export const END_OUTCOMES = ['contracted', 'declined', 'withdrawn'] as const;
export const DECISION_OUTCOMES = ['approved', 'declined'] as const;

/** A stay of a case in one stage, from entering to leaving it (leftMs, exitBy, minutes -1 while there). */
export const newVisits = () =>
  new RecordTable({ caseIx: 'i32', stage: 'u8', enteredMs: 'f64', leftMs: 'f64', exitBy: 'i32', minutes: 'i32', dueMs: 'f64' });

/** A person holding a case (claimed or assigned) from `fromMs` until it leaves them (toMs -1 while held). */
export const newHoldings = () => new RecordTable({ caseIx: 'i32', person: 'i32', visitIx: 'i32', fromMs: 'f64', toMs: 'f64' });

/**
 * A finished piece of work (WORK_ACTIONS) by a person. handleMinutes: from taking the case to this event,
 * -1 when the actor was not holding it. review: 1 for pass-or-return outcomes. returnKind: returnKindCode.
 */
export const newWork = () =>
  new RecordTable({ caseIx: 'i32', person: 'i32', stage: 'u8', atMs: 'f64', handleMinutes: 'i32', review: 'u8', returnKind: 'u8' });

/** The credit decision of a case (outcome: DECISION_OUTCOMES index); returnsBefore 0 = first pass. */
export const newDecisions = () => new RecordTable({ caseIx: 'i32', atMs: 'f64', outcome: 'u8', stage: 'u8', returnsBefore: 'i32' });

/** A case reaching an end state (END_OUTCOMES index) with its working minutes since first submission. */
export const newEnds = () => new RecordTable({ caseIx: 'i32', atMs: 'f64', outcome: 'u8', minutes: 'i32' });

/** One automatic screening (outcome: SCREENING_OUTCOMES index, 255 other); its rule hits are kept apart. */
export const newScreenings = () => new RecordTable({ caseIx: 'i32', atMs: 'f64', outcome: 'u8' });

export type Visits = ReturnType<typeof newVisits>;
export type Holdings = ReturnType<typeof newHoldings>;
export type Work = ReturnType<typeof newWork>;
export type Decisions = ReturnType<typeof newDecisions>;
export type Ends = ReturnType<typeof newEnds>;
export type Screenings = ReturnType<typeof newScreenings>;
