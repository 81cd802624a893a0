import { workdayMinutes } from '../sla/working-time';
import { caseFigures, workFigures } from './case-figures';
import type { DashboardLog } from './dashboard-log';
import { createContext, type ComputeOptions } from './figure-context';
import type { DashboardQuery, DashboardResult } from './figures';
import { stageFigures } from './stage-figures';
import { backlogEdges, cycleBinEdges, endToEndBinEdges, ratio } from './summary';

export type { ComputeOptions } from './figure-context';

/**
 * All supervisor figures of DESIGN §10 for a period and filters, each with the cases behind it. One pass
 * over each kind of record; nothing here reads a clock: "now" is the end of the period.
 */
export function computeDashboard(log: DashboardLog, query: DashboardQuery, opts: ComputeOptions): DashboardResult {
  const ctx = createContext(log, query, opts);
  const workday = workdayMinutes(opts.calendar);
  const { stages, throughput, held } = stageFigures(ctx);
  const work = workFigures(ctx, held);
  const cases = caseFigures(ctx);
  return {
    figures: {
      period: { from: new Date(ctx.fromMs).toISOString(), to: ctx.toIso },
      workdayMinutes: workday,
      cycleBinEdges: cycleBinEdges(workday),
      endToEndBinEdges: endToEndBinEdges(workday),
      backlogEdges: backlogEdges(workday),
      stages,
      throughput,
      endToEnd: cases.endToEnd,
      quality: {
        decided: cases.decided,
        firstPass: cases.firstPass,
        firstPassYield: ratio(cases.firstPass, cases.decided),
        ...work.quality,
      },
      decisions: cases.decisions,
      rules: cases.rules,
      people: work.people,
    },
    drill: ctx.drill,
    cases: log.cases,
  };
}
