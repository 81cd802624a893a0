import { workdayMinutes } from '../sla/working-time';
import type { ReturnKind } from './actions';
import type { DashboardFigures, PersonRow, ReturnReasonRow, RuleHitRow } from './figures';
import { publish, type FigureContext } from './figure-context';
import { DECISION_OUTCOMES, END_OUTCOMES, NO_STAGE, SCREENING_OUTCOMES, STAGE_IX, returnKindAt, stageAt } from './records';
import type { OpenHeld } from './stage-figures';
import { STAGES, type Stage } from './stages';
import { binOf, endToEndBinEdges, ratio, summarise } from './summary';

interface PersonAcc {
  handled: number[];
  handleSum: number;
  handleCount: number;
  returns: number[];
}

const newPerson = (): PersonAcc => ({ handled: [], handleSum: 0, handleCount: 0, returns: [] });


/**
 * Work done in the period: returns with their reasons and the per-person table. The stage filter keeps the
 * work done in that stage; the person filter keeps that person's work.
 */
export function workFigures(ctx: FigureContext, held: Map<number, OpenHeld>): { quality: Omit<DashboardFigures['quality'], 'decided' | 'firstPass' | 'firstPassYield'>; people: PersonRow[] } {
  const { log } = ctx;
  const people = new Map<number, PersonAcc>();
  const byStage = STAGES.map(() => ({ reviewed: 0, returns: 0 }));
  const reasons = new Map<string, ReturnReasonRow & { ids: number[] }>();
  let reviewed = 0;
  let returns = 0;
  const w = log.work.cols;
  const stageFilter = ctx.query.stage === undefined ? -1 : STAGE_IX[ctx.query.stage];
  for (let i = 0, n = log.work.length; i < n; i++) {
    const at = w.atMs[i]!;
    if (at < ctx.fromMs || at >= ctx.toMs || ctx.factsOk[w.caseIx[i]!] === 0) continue;
    if (stageFilter !== -1 && w.stage[i] !== stageFilter) continue;
    const who = w.person[i]!;
    if (ctx.person !== -1 && who !== ctx.person) continue;
    const id = w.caseIx[i]!;
    let p = people.get(who);
    if (!p) people.set(who, (p = newPerson()));
    p.handled.push(id);
    if (w.handleMinutes[i]! >= 0) {
      p.handleSum += w.handleMinutes[i]!;
      p.handleCount += 1;
    }
    if (w.review[i] === 0) continue;
    reviewed += 1;
    const st = w.stage[i]!;
    if (st !== NO_STAGE) byStage[st]!.reviewed += 1;
    const kind = returnKindAt(w.returnKind[i]!);
    if (!kind) continue;
    returns += 1;
    if (st !== NO_STAGE) byStage[st]!.returns += 1;
    p.returns.push(id);
    const given = log.workReasons.get(i);
    if (given) for (const reason of given) countReason(reasons, kind, reason, id);
    else countReason(reasons, kind, null, id);
  }

  for (const person of held.keys()) if (!people.has(person)) people.set(person, newPerson());
  const rows: PersonRow[] = [...people].map(([person, p]) => {
    const personId = log.people[person]!.id;
    publish(ctx, p.handled, 'pp', personId, 'handled');
    publish(ctx, p.returns, 'pp', personId, 'returns');
    publish(ctx, held.get(person)?.open ?? [], 'pp', personId, 'open');
    publish(ctx, held.get(person)?.breaching ?? [], 'pp', personId, 'openBreaching');
    return {
    personId,
    name: log.people[person]!.name,
    handled: p.handled.length,
    avgHandlingMinutes: p.handleCount ? Math.round((p.handleSum / p.handleCount) * 10) / 10 : null,
    returns: p.returns.length,
    openNow: held.get(person)?.open.length ?? 0,
    openBreaching: held.get(person)?.breaching.length ?? 0,
    };
  });
  rows.sort((a, b) => b.handled - a.handled || b.openNow - a.openNow || a.personId.localeCompare(b.personId));

  return {
    quality: {
      reviewed,
      returns,
      returnRate: ratio(returns, reviewed),
      byStage: STAGES.flatMap((stage, i) => {
        const s = byStage[i]!;
        return s.reviewed ? [{ stage, reviewed: s.reviewed, returns: s.returns, rate: ratio(s.returns, s.reviewed) }] : [];
      }),
      reasons: [...reasons.values()]
        .map(({ ids, ...row }) => {
          publish(ctx, ids, 'rt', row.kind, row.reason ?? '');
          return row;
        })
        .sort((a, b) => b.count - a.count || (a.reason ?? '').localeCompare(b.reason ?? '')),
    },
    people: rows,
  };
}

function countReason(reasons: Map<string, ReturnReasonRow & { ids: number[] }>, kind: ReturnKind, reason: string | null, id: number) {
  const key = `${kind}\u0000${reason ?? ''}`;
  let row = reasons.get(key);
  if (!row) reasons.set(key, (row = { kind, reason, count: 0, ids: [] }));
  row.count += 1;
  row.ids.push(id);
}

/** Decisions, first-pass yield, end-to-end time and rule hits: figures about whole cases. */
export function caseFigures(ctx: FigureContext): Pick<DashboardFigures, 'decisions' | 'endToEnd' | 'rules'> & { decided: number; firstPass: number } {
  const { log } = ctx;
  const first: number[] = [];
  const returned: number[] = [];
  const approved: number[] = [];
  const declinedAt = new Map<Stage, number[]>();
  const d = log.decisions.cols;
  for (let i = 0, n = log.decisions.length; i < n; i++) {
    const id = d.caseIx[i]!;
    if (d.atMs[i]! < ctx.fromMs || d.atMs[i]! >= ctx.toMs || ctx.actedOk[id] === 0) continue;
    (d.returnsBefore[i] === 0 ? first : returned).push(id);
    if (DECISION_OUTCOMES[d.outcome[i]!] === 'approved') {
      approved.push(id);
    } else {
      const stage = stageAt(d.stage[i]!) ?? 'confirm';
      let list = declinedAt.get(stage);
      if (!list) declinedAt.set(stage, (list = []));
      list.push(id);
    }
  }
  publish(ctx, first, 'fp', 'first');
  publish(ctx, returned, 'fp', 'returned');
  publish(ctx, approved, 'dc', 'approved', '');
  for (const [stage, list] of declinedAt) publish(ctx, list, 'dc', 'declined', stage);
  const declined = first.length + returned.length - approved.length;

  const edges = endToEndBinEdges(workdayMinutes(ctx.opts.calendar));
  const minutes: number[] = [];
  const bins: number[][] = edges.map(() => []).concat([[]]);
  const withdrawn: number[] = [];
  const e = log.ends.cols;
  for (let i = 0, n = log.ends.length; i < n; i++) {
    const id = e.caseIx[i]!;
    if (e.atMs[i]! < ctx.fromMs || e.atMs[i]! >= ctx.toMs || ctx.actedOk[id] === 0) continue;
    if (END_OUTCOMES[e.outcome[i]!] === 'withdrawn') {
      withdrawn.push(id);
      continue;
    }
    minutes.push(e.minutes[i]!);
    bins[binOf(e.minutes[i]!, edges)]!.push(id);
  }
  publish(ctx, withdrawn, 'dc', 'withdrawn', '');
  bins.forEach((list, bin) => publish(ctx, list, 'cy', 'endToEnd', bin));

  let screenings = 0;
  const hits = new Map<string, RuleHitRow & { ids: number[] }>();
  const sc = log.screenings.cols;
  for (let i = 0, n = log.screenings.length; i < n; i++) {
    const id = sc.caseIx[i]!;
    if (sc.atMs[i]! < ctx.fromMs || sc.atMs[i]! >= ctx.toMs || ctx.actedOk[id] === 0) continue;
    screenings += 1;
    const reported = log.screeningReasons.get(i);
    if (!reported) continue;
    const outcome = SCREENING_OUTCOMES[sc.outcome[i]!];
    // A rule reported twice in one screening is one hit (and most screenings report none or one).
    for (const rule of reported.length > 1 ? new Set(reported) : reported) {
      let row = hits.get(rule);
      if (!row) hits.set(rule, (row = { rule, ruleEn: log.ruleEnglish.get(rule) ?? null, count: 0, share: 0, outcomes: { approval: 0, investigation: 0, declined: 0 }, ids: [] }));
      row.count += 1;
      if (outcome) row.outcomes[outcome] += 1;
      row.ids.push(id);
    }
  }
  const ruleRows = [...hits.values()]
    .map(({ ids, ...row }) => {
      publish(ctx, ids, 'rh', row.rule);
      return { ...row, share: ratio(row.count, screenings) ?? 0 };
    })
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));

  return {
    decided: first.length + returned.length,
    firstPass: first.length,
    decisions: {
      approved: approved.length,
      declined,
      withdrawn: withdrawn.length,
      approvalRate: ratio(approved.length, approved.length + declined),
      declineRate: ratio(declined, approved.length + declined),
      declinedAt: STAGES.filter((s) => declinedAt.has(s)).map((stage) => ({ stage, count: declinedAt.get(stage)!.length })),
    },
    endToEnd: { cycle: summarise(minutes), bins: bins.map((l) => l.length) },
    rules: { screenings, hits: ruleRows },
  };
}
