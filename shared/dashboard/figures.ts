import type { ReturnKind } from './actions';
import type { Stage } from './stages';

/** Which cases a figure covers. Period: [from, to) in UTC ISO; `to` is also the instant "now" is read at. */
export interface DashboardQuery {
  from: string;
  to: string;
  stage?: Stage;
  team?: string;
  product?: string;
  branch?: string;
  /** A person (user id): work they did, cases they hold, cases they acted on. */
  person?: string;
}

/** p50 / p90 by the nearest-rank method (the value at rank ⌈p·n⌉ of the sorted list); null when n = 0. */
export interface Summary {
  count: number;
  p50: number | null;
  p90: number | null;
  mean: number | null;
}

export interface StageFigures {
  stage: Stage;
  /** Cases leaving the stage in the period (every way out: passed on, returned, declined, withdrawn). */
  exits: number;
  /** Working minutes in the stage, for the stays that ended in the period. */
  cycle: Summary;
  /** Counts per bin of `cycleBinEdges`. */
  cycleBins: number[];
  sla: {
    budgetMinutes: number | null;
    /** Stays with an SLA clock that ended in the period, and how many of them ended after their due time. */
    completed: number;
    breached: number;
    rate: number | null;
    /** Cases in the stage at the end of the period whose due time has passed. */
    breachingNow: number;
  };
  /** Cases in the stage at the end of the period, per bucket of `backlogEdges` (working time in the stage). */
  backlog: number[];
  open: number;
}

export interface ThroughputSeries {
  /** Local (Asia/Shanghai) day 'YYYY-MM-DD' or hour 'YYYY-MM-DD HH:00'. */
  buckets: string[];
  counts: Record<Stage, number[]>;
}

export interface ReturnReasonRow {
  kind: ReturnKind;
  /** The reason as given; null for returns that carry none (复核退回 has a comment, not reasons). */
  reason: string | null;
  count: number;
}

export interface RuleHitRow {
  /** The hit as screening recorded it (rule id, reason code, description in Chinese). */
  rule: string;
  /** The same in English, where the screening recorded that too (screenings since English was kept). */
  ruleEn: string | null;
  /** Screenings that reported this rule, and the share of all screenings in the period. */
  count: number;
  share: number;
  outcomes: { approval: number; investigation: number; declined: number };
}

export interface PersonRow {
  personId: string;
  name: string;
  /** Finished pieces of work (passed on, returned, proposed, confirmed, sent back, investigated, contracted). */
  handled: number;
  /** Mean working minutes from taking a case to finishing it. */
  avgHandlingMinutes: number | null;
  returns: number;
  /** Cases held at the end of the period, and how many of those are past their SLA. */
  openNow: number;
  openBreaching: number;
}

export interface DashboardFigures {
  period: { from: string; to: string };
  workdayMinutes: number;
  cycleBinEdges: number[];
  endToEndBinEdges: number[];
  backlogEdges: number[];
  stages: StageFigures[];
  throughput: { day: ThroughputSeries; hour: ThroughputSeries };
  /** From first submission to contract or decline, for cases that ended in the period. */
  endToEnd: { cycle: Summary; bins: number[] };
  quality: {
    /** Cases decided in the period; first-pass = never returned before the decision. */
    decided: number;
    firstPass: number;
    firstPassYield: number | null;
    /** Review outcomes (pass or return) in the period and the returns among them. */
    reviewed: number;
    returns: number;
    returnRate: number | null;
    byStage: { stage: Stage; reviewed: number; returns: number; rate: number | null }[];
    reasons: ReturnReasonRow[];
  };
  decisions: {
    approved: number;
    declined: number;
    withdrawn: number;
    approvalRate: number | null;
    declineRate: number | null;
    declinedAt: { stage: Stage; count: number }[];
  };
  rules: { screenings: number; hits: RuleHitRow[] };
  people: PersonRow[];
}

/** A figure a supervisor can click: the drill-down lists the cases behind it. Omitted fields mean "all". */
export type FigureRef =
  | { kind: 'throughput'; stage?: Stage; day?: string; hour?: string }
  | { kind: 'cycle'; stage: Stage | 'endToEnd'; bin?: number }
  | { kind: 'slaBreached'; stage?: Stage }
  | { kind: 'breachingNow'; stage?: Stage }
  | { kind: 'backlog'; stage?: Stage; bucket?: number }
  | { kind: 'firstPass'; returned: boolean }
  | { kind: 'returns'; returnKind?: ReturnKind; reason?: string | null }
  | { kind: 'decision'; outcome: 'approved' | 'declined' | 'withdrawn' }
  | { kind: 'ruleHit'; rule: string }
  | { kind: 'person'; personId: string; column: PersonColumn };

/** The per-person counts a supervisor can open: handled, returns, open now, open past SLA. */
export type PersonColumn = 'handled' | 'returns' | 'open' | 'openBreaching';

/** Figures plus, for every figure, the cases behind it (one entry per counted item, so a case may repeat). */
export interface DashboardResult {
  figures: DashboardFigures;
  /** Leaf lists of case indexes keyed by drillKey; FigureRefs covering several leaves combine them (drill.ts). */
  drill: Map<string, number[]>;
  /** Case index → case id. */
  cases: readonly { id: string }[];
}

/** Key of one leaf list. Parts are URI-encoded so free-text reasons cannot collide with the separator. */
export function drillKey(...parts: (string | number)[]): string {
  return parts.map((p) => encodeURIComponent(String(p))).join('|');
}
