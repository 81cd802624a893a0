import { workdayMinutes } from '../sla/working-time';
import type { StageFigures, ThroughputSeries } from './figures';
import { publish, type FigureContext } from './figure-context';
import { STAGES, stageSlaMinutes, type Stage } from './stages';
import { backlogEdges, binOf, cycleBinEdges, ratio, summarise } from './summary';
import { dayLabel, hourLabel, localDayIndex, localHourIndex } from './time-buckets';
import { latestStartWithAge } from './working-age';

interface StageAcc {
  exits: number;
  minutes: number[];
  cycleBins: number[][];
  completed: number;
  breached: number[];
  breachingNow: number[];
  backlog: number[][];
  days: Int32Array;
  /** Drill-down lists per hour; a day's list is the union of its hours. */
  hours: (number[] | undefined)[];
}

/** Cases held per person at the end of the period (for the per-person table). */
export interface OpenHeld {
  open: number[];
  /** Those of `open` past their SLA at the end of the period. */
  breaching: number[];
}

const HOUR_MS = 3_600_000;

/**
 * Stage figures from the visits: throughput (exits per day and hour), time in stage, SLA, and the backlog
 * at the end of the period. With a person filter, exits count when that person moved the case on, and the
 * backlog is what that person holds.
 */
export function stageFigures(ctx: FigureContext): { stages: StageFigures[]; throughput: { day: ThroughputSeries; hour: ThroughputSeries }; held: Map<number, OpenHeld> } {
  const { log, fromMs, toMs, person } = ctx;
  const workday = workdayMinutes(ctx.opts.calendar);
  const cycleEdges = cycleBinEdges(workday);
  const ageEdges = backlogEdges(workday);
  const day0 = localDayIndex(fromMs);
  const hour0 = localHourIndex(fromMs);
  const dayCount = localDayIndex(toMs - 1) - day0 + 1;
  const hourCount = localHourIndex(toMs - 1) - hour0 + 1;
  const acc: StageAcc[] = STAGES.map(() => ({
    exits: 0,
    minutes: [],
    cycleBins: cycleEdges.map(() => []).concat([[]]),
    completed: 0,
    breached: [],
    breachingNow: [],
    backlog: ageEdges.map(() => []).concat([[]]),
    days: new Int32Array(dayCount),
    hours: new Array<number[] | undefined>(hourCount),
  }));
  const stageOn = STAGES.map((s) => ctx.stageOn[s]);
  // Entered at or before ageStarts[i] ⟺ at least ageEdges[i] working minutes in the stage at the end.
  const ageStarts = ageEdges.map((m) => latestStartWithAge(ctx.toIso, m, ctx.opts.calendar));
  const { caseIx, stage, enteredMs, leftMs, exitBy, minutes, dueMs } = log.visits.cols;

  const openAtEnd = (v: number) => {
    const a = acc[stage[v]!]!;
    let bucket = 0;
    while (bucket < ageStarts.length && enteredMs[v]! <= ageStarts[bucket]!) bucket++;
    a.backlog[bucket]!.push(caseIx[v]!);
    if (dueMs[v]! >= 0 && toMs > dueMs[v]!) a.breachingNow.push(caseIx[v]!);
  };

  for (let v = 0, n = log.visits.length; v < n; v++) {
    if (!stageOn[stage[v]!] || ctx.factsOk[caseIx[v]!] === 0) continue;
    const left = leftMs[v]!;
    if (left >= fromMs && left < toMs && (person === -1 || exitBy[v] === person)) {
      const a = acc[stage[v]!]!;
      const ix = caseIx[v]!;
      a.exits += 1;
      a.days[localDayIndex(left) - day0]! += 1;
      (a.hours[Math.floor(left / HOUR_MS) + 8 - hour0] ??= []).push(ix);
      a.minutes.push(minutes[v]!);
      a.cycleBins[binOf(minutes[v]!, cycleEdges)]!.push(ix);
      if (dueMs[v]! >= 0) {
        a.completed += 1;
        if (left > dueMs[v]!) a.breached.push(ix);
      }
    }
    if (person === -1 && enteredMs[v]! < toMs && (left < 0 || left >= toMs)) openAtEnd(v);
  }

  const held = new Map<number, OpenHeld>();
  const h = log.holdings.cols;
  for (let i = 0, n = log.holdings.length; i < n; i++) {
    if (!(h.fromMs[i]! < toMs && (h.toMs[i]! < 0 || h.toMs[i]! >= toMs))) continue;
    const v = h.visitIx[i]!;
    if (v < 0 || !stageOn[stage[v]!] || ctx.factsOk[h.caseIx[i]!] === 0) continue;
    if (!(enteredMs[v]! < toMs && (leftMs[v]! < 0 || leftMs[v]! >= toMs))) continue;
    const p = h.person[i]!;
    if (person !== -1 && p !== person) continue;
    let mine = held.get(p);
    if (!mine) held.set(p, (mine = { open: [], breaching: [] }));
    mine.open.push(h.caseIx[i]!);
    if (dueMs[v]! >= 0 && toMs > dueMs[v]!) mine.breaching.push(h.caseIx[i]!);
    if (person !== -1) openAtEnd(v);
  }

  const stages: StageFigures[] = ctx.stages.map((s) => {
    const a = acc[STAGES.indexOf(s)]!;
    const budget = stageSlaMinutes(s, ctx.opts.sla);
    a.cycleBins.forEach((list, bin) => publish(ctx, list, 'cy', s, bin));
    a.backlog.forEach((list, bin) => publish(ctx, list, 'bl', s, bin));
    publish(ctx, a.breached, 'sla', s);
    publish(ctx, a.breachingNow, 'now', s);
    return {
      stage: s,
      exits: a.exits,
      cycle: summarise(a.minutes),
      cycleBins: a.cycleBins.map((l) => l.length),
      sla: {
        budgetMinutes: budget,
        completed: a.completed,
        breached: a.breached.length,
        rate: budget === null ? null : ratio(a.breached.length, a.completed),
        breachingNow: a.breachingNow.length,
      },
      backlog: a.backlog.map((l) => l.length),
      open: a.backlog.reduce((n, l) => n + l.length, 0),
    };
  });

  const hourBuckets = Array.from({ length: hourCount }, (_, i) => hourLabel(hour0 + i));
  STAGES.forEach((s, si) => acc[si]!.hours.forEach((list, i) => list && publish(ctx, list, 'tp', s, hourBuckets[i]!)));
  const day = { buckets: Array.from({ length: dayCount }, (_, i) => dayLabel(day0 + i)), counts: countsBy(acc, (a) => Array.from(a.days)) };
  const hour = { buckets: hourBuckets, counts: countsBy(acc, (a) => Array.from(a.hours, (l) => l?.length ?? 0)) };
  return { stages, throughput: { day, hour }, held };
}

function countsBy(acc: StageAcc[], counts: (a: StageAcc) => number[]): Record<Stage, number[]> {
  return Object.fromEntries(STAGES.map((s, i) => [s, counts(acc[i]!)])) as Record<Stage, number[]>;
}
