import type { WorkCalendar } from '../sla/working-time';
import type { SlaPolicy } from '../sla/sla-policy';
import type { DashboardLog } from './dashboard-log';
import type { DashboardQuery } from './figures';
import { drillKey } from './figures';
import { STAGES, type Stage } from './stages';

export interface ComputeOptions {
  calendar: WorkCalendar;
  sla: SlaPolicy;
}

/**
 * What every part of the computation shares: the period in milliseconds, the filters resolved to masks
 * over case indexes (built once per query, so the loops over a million records do array lookups only),
 * and the drill-down lists being filled.
 */
export interface FigureContext {
  log: DashboardLog;
  query: DashboardQuery;
  opts: ComputeOptions;
  fromMs: number;
  toMs: number;
  toIso: string;
  /** Stages shown (the stage filter, or all). */
  stages: readonly Stage[];
  stageOn: Record<Stage, boolean>;
  /** Cases matching team, product and branch. */
  factsOk: Uint8Array;
  /** factsOk and, with a person filter, acted on by that person. */
  actedOk: Uint8Array;
  /** -1: no person filter; -2: a person who never appears in the trail (matches nothing). */
  person: number;
  /** Drill-down lists of case indexes (numbers keep these million-entry lists cheap for the collector). */
  drill: Map<string, number[]>;
}

export function createContext(log: DashboardLog, query: DashboardQuery, opts: ComputeOptions): FigureContext {
  const fromMs = Date.parse(query.from);
  const toMs = Date.parse(query.to);
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) throw new RangeError(`Invalid period ${query.from} – ${query.to}`);
  const person = query.person === undefined ? -1 : (log.personIx(query.person) ?? -2);
  const n = log.cases.length;
  const factsOk = new Uint8Array(n);
  const actedOk = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = log.cases[i]!;
    const ok =
      (query.team === undefined || c.team === query.team) &&
      (query.product === undefined || c.product === query.product) &&
      (query.branch === undefined || c.branch === query.branch);
    factsOk[i] = ok ? 1 : 0;
    actedOk[i] = ok && (person === -1 || c.actors.includes(person)) ? 1 : 0;
  }
  const stages = query.stage ? [query.stage] : STAGES;
  const stageOn = Object.fromEntries(STAGES.map((s) => [s, stages.includes(s)])) as Record<Stage, boolean>;
  return { log, query, opts, fromMs, toMs, toIso: new Date(toMs).toISOString(), stages, stageOn, factsOk, actedOk, person, drill: new Map() };
}

/** Registers a finished drill-down list under its key (filled locally first, so no key is built per item). */
export function publish(ctx: FigureContext, list: number[], ...parts: (string | number)[]): void {
  if (list.length) ctx.drill.set(drillKey(...parts), list);
}
