import type { CaseEventType } from '../commands/types';
import type { SlaPolicy } from '../sla/sla-policy';
import { addWorkingMinutes, workingMinutesBetween, type WorkCalendar } from '../sla/working-time';
import { HOLDER_RULES, RETURN_KIND_OF, REVIEW_ACTIONS, WORK_ACTIONS, needsDetails, type HolderRule } from './actions';
import {
  DECISION_OUTCOMES,
  END_OUTCOMES,
  NO_STAGE,
  SCREENING_OUTCOMES,
  STAGE_IX,
  newDecisions,
  newEnds,
  newHoldings,
  newScreenings,
  newVisits,
  newWork,
  returnKindCode,
  type AuditEvent,
  type CaseEntry,
  type CaseFacts,
  type PersonEntry,
} from './records';
import { stageOfState, stageSlaMinutes, type Stage } from './stages';

export interface DashboardLogOptions {
  calendar: WorkCalendar;
  sla: SlaPolicy;
  /** Team, product and branch of a case; unknown cases get empty facts. */
  facts(caseId: string): CaseFacts | undefined;
}

/** Where a case stands after the events seen so far; kept beside CaseEntry so the entries stay small. */
export interface CaseLive {
  state: string | null;
  visit: number; // index of the open visit, -1 if none
  visitIso: string;
  holding: number; // index of the open holding, -1 if none
  holder: number;
  holderSinceIso: string;
  submittedIso: string | null;
  returns: number;
}

const END_STATES: ReadonlySet<string> = new Set(END_OUTCOMES);
const NO_FACTS: CaseFacts = { team: '', product: '', branch: '' };

/**
 * The audit trail folded, event by event in seq order, into what the supervisor metrics need: stage
 * visits, holdings, finished work, decisions, case ends and screenings. Pure and incremental: the host
 * feeds new audit rows as they are written, the tests feed a constructed trail; both then compute the
 * same figures from the same records (compute-dashboard.ts).
 */
export class DashboardLog {
  readonly cases: CaseEntry[] = [];
  readonly people: PersonEntry[] = [];
  readonly visits = newVisits();
  readonly holdings = newHoldings();
  readonly work = newWork();
  /** Reasons of returns, by work index (only returns that gave reasons). */
  readonly workReasons = new Map<number, readonly string[]>();
  readonly decisions = newDecisions();
  readonly ends = newEnds();
  readonly screenings = newScreenings();
  /** Rule hits reported by a screening, by screening index (only screenings that reported some). */
  readonly screeningReasons = new Map<number, readonly string[]>();
  /** A reported rule hit's English line, by its Chinese one (from screenings that recorded both). */
  readonly ruleEnglish = new Map<string, string>();
  /** Highest seq ingested; rows at or below it are ignored, so feeding a row twice changes nothing. */
  lastSeq = 0;

  private readonly caseIndex = new Map<string, number>();
  private readonly personIndex = new Map<string, number>();
  private readonly live: CaseLive[] = [];

  constructor(private readonly opts: DashboardLogOptions) {}

  /** Everything the log holds, for a snapshot (log-snapshot.ts); the arrays are the log's own, not copies. */
  state(): { cases: CaseEntry[]; people: PersonEntry[]; live: CaseLive[] } {
    return { cases: this.cases, people: this.people, live: this.live };
  }

  /** Fills an empty log from a snapshot's cases, people and live states (the tables are restored directly). */
  adopt(cases: CaseEntry[], people: PersonEntry[], live: CaseLive[], lastSeq: number): void {
    if (this.cases.length || this.people.length) throw new Error('adopt: the log is not empty');
    cases.forEach((c, i) => {
      this.cases.push(c);
      this.caseIndex.set(c.id, i);
    });
    people.forEach((p, i) => {
      this.people.push(p);
      this.personIndex.set(p.id, i);
    });
    this.live.push(...live);
    this.lastSeq = lastSeq;
  }

  personIx(personId: string): number | undefined {
    return this.personIndex.get(personId);
  }

  ingest(e: AuditEvent): void {
    if (e.seq <= this.lastSeq) return;
    this.lastSeq = e.seq;
    if (e.caseId === null) return; // logins, settings: not about a case
    const t = Date.parse(e.at);
    if (!Number.isFinite(t)) return;
    const ix = this.caseEntry(e.caseId);
    const c = this.live[ix]!;
    const entry = this.cases[ix]!;
    const actor = this.person(e.actorId, e.actorName);
    if (!entry.actors.includes(actor)) entry.actors.push(actor);

    const fromState = c.state ?? e.fromState;
    const toState = e.toState ?? fromState;
    const fromStage = stageOfState(fromState);
    const toStage = stageOfState(toState);
    const details = needsDetails(e.action) ? parseDetails(e.details) : null;
    if (c.submittedIso === null && e.action === 'submitted') c.submittedIso = e.at;

    if (WORK_ACTIONS.has(e.action)) this.recordWork(ix, c, e, t, actor, fromStage, details);
    if (fromStage !== toStage) this.changeStage(ix, c, e, t, actor, toStage);
    this.changeHolder(ix, c, e, t, actor, details, fromStage !== toStage);

    const stateChanged = toState !== fromState && toState !== null;
    if (stateChanged && (toState === 'approved' || toState === 'declined')) {
      this.decisions.push({ caseIx: ix, atMs: t, outcome: DECISION_OUTCOMES.indexOf(toState), stage: stageIx(fromStage), returnsBefore: c.returns });
    }
    if (stateChanged && END_STATES.has(toState)) {
      const minutes = c.submittedIso ? this.minutesBetween(c.submittedIso, e.at) : 0;
      this.ends.push({ caseIx: ix, atMs: t, outcome: END_OUTCOMES.indexOf(toState as (typeof END_OUTCOMES)[number]), minutes });
    }
    if (e.action === 'screeningCompleted') {
      // Screening may route the case to another approval team; the team filter follows it.
      if (typeof details?.team === 'string') entry.team = details.team;
      const outcome = SCREENING_OUTCOMES.indexOf(toState as (typeof SCREENING_OUTCOMES)[number]);
      const s = this.screenings.push({ caseIx: ix, atMs: t, outcome: outcome < 0 ? 255 : outcome });
      const reasons = stringList(details?.reasons);
      if (reasons.length) this.screeningReasons.set(s, reasons);
      const english = stringList(details?.reasonsEn);
      if (english.length === reasons.length) reasons.forEach((r, k) => this.ruleEnglish.set(r, english[k]!));
    }
    if (RETURN_KIND_OF[e.action]) c.returns += 1;
    c.state = toState;
  }

  private recordWork(ix: number, c: CaseLive, e: AuditEvent, t: number, actor: number, stage: Stage | null, details: Record<string, unknown> | null) {
    const kind = RETURN_KIND_OF[e.action] ?? null;
    const w = this.work.push({
      caseIx: ix,
      person: actor,
      stage: stageIx(stage),
      atMs: t,
      handleMinutes: c.holder === actor ? this.minutesBetween(c.holderSinceIso, e.at) : -1,
      review: REVIEW_ACTIONS.has(e.action) ? 1 : 0,
      returnKind: returnKindCode(kind),
    });
    const reasons = kind ? stringList(details?.reasons) : [];
    if (reasons.length) this.workReasons.set(w, reasons);
  }

  private changeStage(ix: number, c: CaseLive, e: AuditEvent, t: number, actor: number, toStage: Stage | null) {
    if (c.visit >= 0) {
      const v = this.visits.cols;
      v.leftMs[c.visit] = t;
      v.exitBy[c.visit] = actor;
      v.minutes[c.visit] = this.minutesBetween(c.visitIso, e.at);
      c.visit = -1;
    }
    if (toStage) {
      const budget = stageSlaMinutes(toStage, this.opts.sla);
      c.visitIso = e.at;
      c.visit = this.visits.push({
        caseIx: ix,
        stage: STAGE_IX[toStage],
        enteredMs: t,
        leftMs: -1,
        exitBy: -1,
        minutes: -1,
        dueMs: budget === null ? -1 : Date.parse(addWorkingMinutes(e.at, budget, this.opts.calendar)),
      });
    }
  }

  private changeHolder(ix: number, c: CaseLive, e: AuditEvent, t: number, actor: number, details: Record<string, unknown> | null, stageChanged: boolean) {
    let next = c.holder;
    switch (holderRule(e.action, details)) {
      case 'actor':
        next = actor;
        break;
      case 'clear':
        next = -1;
        break;
      case 'details': {
        const a = details?.assignee;
        next = isRef(a) ? this.person(a.id, a.name) : -1;
        break;
      }
      case 'keep':
        break;
    }
    // A holding belongs to one stage visit: a stage change under the same holder starts a new one.
    if (next === c.holder && !(stageChanged && next >= 0)) return;
    if (c.holding >= 0) this.holdings.cols.toMs[c.holding] = t;
    c.holding = -1;
    c.holder = next;
    if (next >= 0) {
      c.holderSinceIso = e.at;
      c.holding = this.holdings.push({ caseIx: ix, person: next, visitIx: c.visit, fromMs: t, toMs: -1 });
    }
  }

  private caseEntry(caseId: string): number {
    let ix = this.caseIndex.get(caseId);
    if (ix === undefined) {
      ix = this.cases.length;
      this.caseIndex.set(caseId, ix);
      this.cases.push({ id: caseId, ...(this.opts.facts(caseId) ?? NO_FACTS), actors: [] });
      this.live.push({ state: null, visit: -1, visitIso: '', holding: -1, holder: -1, holderSinceIso: '', submittedIso: null, returns: 0 });
    }
    return ix;
  }

  private person(id: string, name: string): number {
    let ix = this.personIndex.get(id);
    if (ix === undefined) {
      ix = this.people.length;
      this.personIndex.set(id, ix);
      this.people.push({ id, name });
    } else if (name && this.people[ix]!.name !== name) {
      this.people[ix]!.name = name; // the latest display name wins
    }
    return ix;
  }

  /** Working minutes, never negative (rows synced from elsewhere may arrive slightly out of time order). */
  private minutesBetween(fromIso: string, toIso: string): number {
    return Math.max(0, workingMinutesBetween(fromIso, toIso, this.opts.calendar));
  }
}

function stageIx(stage: Stage | null): number {
  return stage === null ? NO_STAGE : STAGE_IX[stage];
}

function holderRule(action: string, details: Record<string, unknown> | null): HolderRule {
  const known = Object.prototype.hasOwnProperty.call(HOLDER_RULES, action) ? HOLDER_RULES[action as CaseEventType] : undefined;
  if (known) return known;
  // An event type this dashboard does not know yet: follow the audit's own record of the assignee.
  return details && 'assignee' in details ? 'details' : 'keep';
}

function parseDetails(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null; // a malformed row must not stop the dashboard; it simply carries no details
  }
}

function isRef(v: unknown): v is { id: string; name: string } {
  return typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && typeof (v as { name?: unknown }).name === 'string';
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
}
