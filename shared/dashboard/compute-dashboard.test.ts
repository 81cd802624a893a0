import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '../sla/sla-policy';
import { DEFAULT_CALENDAR } from '../sla/working-time';
import { auditLog, local, type P } from './audit-log-fixtures';
import { computeDashboard } from './compute-dashboard';
import { DashboardLog } from './dashboard-log';
import { caseIdsOf, countOf } from './drill';
import type { DashboardQuery, StageFigures } from './figures';
import { restoreLog, snapshotOf } from './log-snapshot';
import { rulesTable } from './tables';

const clerk1: P = { id: 'u-c1', name: '张敏' };
const clerk2: P = { id: 'u-c2', name: '王芳' };
const officer1: P = { id: 'u-o1', name: '李强' };
const officer2: P = { id: 'u-o2', name: '赵磊' };
const supervisor: P = { id: 'u-s1', name: '周燕' };
const R01 = 'R01 NEG: 命中负面清单';
const R07 = 'R07 ASSET: 抵押物为异地房产';
const R07_EN = 'R07 ASSET: Collateral outside the bank’s area';

/**
 * A trail with known answers (all times Shanghai wall clock; working day 09:00–17:30, 510 minutes):
 * A crosses a weekend and goes all the way to a contract; B is returned, resubmitted across the National
 * Day holiday and a make-up Saturday, then declined; C and D are open at the end of the period (C with a
 * step after it); E is sent back by the checker and withdrawn; F started before the period and sits in
 * investigation.
 */
function trail(opts: { reassignC?: boolean } = {}) {
  const t = auditLog();
  const retail = (product: string, branch: string) => ({ team: 'retail', product, branch });
  const corporate = (product: string, branch: string) => ({ team: 'corporate', product, branch });

  t.submit('F', '2026-09-21 10:00', corporate('mortgage_fast', 'B1'));
  t.claim('F', clerk1, '2026-09-21 10:30');
  t.pass('F', clerk1, '2026-09-21 11:00');
  t.screen('F', '2026-09-21 11:10', 'investigation', [R07], [R07_EN]);

  t.submit('B', '2026-09-30 15:00', corporate('mortgage_fast', 'B2'));
  t.claim('B', clerk1, '2026-09-30 16:00');
  t.returnForSupplement('B', clerk1, '2026-09-30 17:00', ['营业执照照片模糊', '身份证件模糊']);
  t.resubmit('B', '2026-10-08 10:00');
  t.claim('B', clerk2, '2026-10-10 09:30'); // 调休 make-up Saturday
  t.pass('B', clerk2, '2026-10-10 10:30');
  t.screen('B', '2026-10-10 10:40', 'declined', [R01]);

  t.submit('A', '2026-11-20 16:30', retail('tax_loan', 'B1')); // Friday
  t.login(supervisor, '2026-11-23 08:50');
  t.submit('C', '2026-11-23 09:00', retail('credit_fast', 'B1'));
  t.claim('C', clerk1, '2026-11-23 09:10');
  t.claim('A', clerk1, '2026-11-23 09:30');
  t.pass('A', clerk1, '2026-11-23 10:00');
  t.submit('E', '2026-11-23 10:00', retail('credit_fast', 'B1'));
  t.screen('A', '2026-11-23 10:05', 'approval', [R07]);
  t.claim('E', clerk2, '2026-11-23 10:30');
  t.claim('A', officer1, '2026-11-23 11:00');
  t.pass('E', clerk2, '2026-11-23 11:00');
  t.screen('E', '2026-11-23 11:05', 'approval', []);
  t.claim('E', officer1, '2026-11-23 13:00');
  t.propose('A', officer1, '2026-11-23 14:00');
  t.propose('E', officer1, '2026-11-23 15:00', 'decline');
  t.claim('E', officer2, '2026-11-23 15:30');
  t.sendBack('E', officer2, officer1, '2026-11-23 16:00', '流水核实不充分');

  t.submit('D', '2026-11-24 08:00', retail('tax_loan', 'B2')); // before opening time
  t.claim('D', clerk2, '2026-11-24 09:00');
  t.claim('A', officer2, '2026-11-24 09:00');
  t.pass('D', clerk2, '2026-11-24 09:20');
  t.screen('D', '2026-11-24 09:25', 'approval', []);
  t.confirm('A', officer2, officer1, '2026-11-24 09:30'); // exactly at the confirmation SLA
  t.claim('A', clerk2, '2026-11-24 10:00');
  t.withdraw('E', '2026-11-24 10:00');
  t.contract('A', clerk2, '2026-11-24 11:00');
  if (opts.reassignC) t.assign('C', supervisor, clerk2, '2026-11-24 11:30', '张敏外出培训');
  // After the end of the period (12:00): must not count, and C is still open at the end.
  t.pass('C', clerk1, '2026-11-24 13:00');
  return t;
}

const PERIOD = { from: local('2026-09-28 00:00'), to: local('2026-11-24 12:00') };
const OPTS = { calendar: DEFAULT_CALENDAR, sla: DEFAULT_SLA_POLICY };

function build() {
  const t = trail();
  const log = new DashboardLog({ ...OPTS, facts: (id) => t.facts.get(id) });
  for (const e of t.events) log.ingest(e);
  return log;
}

function compute(extra: Partial<DashboardQuery> = {}) {
  return computeDashboard(build(), { ...PERIOD, ...extra }, OPTS);
}

const stage = (stages: StageFigures[], s: StageFigures['stage']) => stages.find((x) => x.stage === s)!;
const sorted = (ids: string[]) => [...ids].sort();

describe('dashboard metrics on a constructed audit trail', () => {
  const r = compute();
  const f = r.figures;

  it('counts cases leaving each stage in the period, per day and per hour', () => {
    expect(f.stages.map((s) => [s.stage, s.exits])).toEqual([
      ['doc_check', 5],
      ['screening', 4],
      ['investigation', 0],
      ['approval', 3],
      ['confirm', 2],
      ['contract', 1],
    ]);
    const day = f.throughput.day;
    expect(day.buckets[0]).toBe('2026-09-28');
    expect(day.buckets.at(-1)).toBe('2026-11-24');
    const on = (d: string) => day.buckets.indexOf(d);
    expect(day.counts.doc_check[on('2026-09-30')]).toBe(1);
    expect(day.counts.doc_check[on('2026-10-10')]).toBe(1);
    expect(day.counts.doc_check[on('2026-11-23')]).toBe(2);
    expect(day.counts.doc_check[on('2026-11-24')]).toBe(1);
    expect(day.counts.confirm[on('2026-11-23')]).toBe(1);
    expect(day.counts.contract[on('2026-11-24')]).toBe(1);
    expect(day.counts.doc_check.reduce((a, b) => a + b, 0)).toBe(5);
    const hour = f.throughput.hour;
    expect(hour.buckets).toHaveLength(57 * 24 + 12);
    expect(hour.counts.doc_check[hour.buckets.indexOf('2026-11-23 10:00')]).toBe(1);
    expect(hour.counts.doc_check[hour.buckets.indexOf('2026-11-23 11:00')]).toBe(1);
    expect(hour.counts.screening[hour.buckets.indexOf('2026-11-23 10:00')]).toBe(1);
    expect(sorted(caseIdsOf(r, { kind: 'throughput', stage: 'doc_check', day: '2026-11-23' }))).toEqual(['A', 'E']);
    expect(caseIdsOf(r, { kind: 'throughput', stage: 'doc_check', hour: '2026-11-23 11:00' })).toEqual(['E']);
    expect(countOf(r, { kind: 'throughput', stage: 'doc_check' })).toBe(5);
    // B left document checking twice; the drill-down lists it once.
    expect(sorted(caseIdsOf(r, { kind: 'throughput', stage: 'doc_check' }))).toEqual(['A', 'B', 'D', 'E']);
  });

  it('measures time in stage in working minutes across weekends, holidays and make-up days', () => {
    // A: Fri 16:30 → Mon 10:00 = 60 + 60. B (2nd stay): Thu 10:00 → Fri → make-up Sat 10:30 = 450 + 510 + 90.
    // D: submitted 08:00, passed 09:20 = 20. E: 60. B (1st stay): 120.
    expect(stage(f.stages, 'doc_check').cycle).toEqual({ count: 5, p50: 120, p90: 1050, mean: 274 });
    expect(stage(f.stages, 'screening').cycle).toEqual({ count: 4, p50: 5, p90: 10, mean: 6.3 });
    expect(stage(f.stages, 'approval').cycle).toEqual({ count: 3, p50: 235, p90: 235, mean: 206.7 });
    expect(stage(f.stages, 'confirm').cycle).toEqual({ count: 2, p50: 60, p90: 240, mean: 150 });
    expect(stage(f.stages, 'contract').cycle).toEqual({ count: 1, p50: 90, p90: 90, mean: 90 });
    expect(stage(f.stages, 'investigation').cycle).toEqual({ count: 0, p50: null, p90: null, mean: null });
    // Bins: <30, 30–60, 60–120, 120–240, 240–510, 510–1020, …
    expect(stage(f.stages, 'doc_check').cycleBins).toEqual([1, 0, 1, 2, 0, 0, 1, 0, 0]);
    expect(caseIdsOf(r, { kind: 'cycle', stage: 'doc_check', bin: 6 })).toEqual(['B']);
  });

  it('measures end to end from first submission to contract or decline, and leaves withdrawals out', () => {
    // A: Fri 16:30 → Tue 11:00 = 60 + 510 + 120. B: Wed 30 Sep 15:00 → Sat 10 Oct 10:40 = 150 + 510 + 510 + 100.
    expect(f.endToEnd.cycle).toEqual({ count: 2, p50: 690, p90: 1270, mean: 980 });
    expect(f.endToEnd.bins).toEqual([0, 0, 1, 1, 0, 0, 0, 0]); // edges 240, 510, 1020, 1530, …
    expect(caseIdsOf(r, { kind: 'cycle', stage: 'endToEnd', bin: 3 })).toEqual(['B']);
  });

  it('rates SLA breaches over finished stays and lists the cases breaching at the end of the period', () => {
    const doc = stage(f.stages, 'doc_check');
    expect(doc.sla).toEqual({ budgetMinutes: 240, completed: 5, breached: 1, rate: 0.2, breachingNow: 1 });
    // A's confirmation ended exactly at its due time: not a breach.
    expect(stage(f.stages, 'confirm').sla).toEqual({ budgetMinutes: 240, completed: 2, breached: 0, rate: 0, breachingNow: 0 });
    expect(stage(f.stages, 'screening').sla).toEqual({ budgetMinutes: null, completed: 0, breached: 0, rate: null, breachingNow: 0 });
    expect(stage(f.stages, 'investigation').sla.breachingNow).toBe(1);
    expect(caseIdsOf(r, { kind: 'slaBreached', stage: 'doc_check' })).toEqual(['B']);
    expect(sorted(caseIdsOf(r, { kind: 'breachingNow' }))).toEqual(['C', 'F']);
  });

  it('ages the backlog at the end of the period in working time, counting cases that moved on later', () => {
    // C: Mon 09:00 → Tue 12:00 = 690 (1–2 d); F: since 21 Sep (> 2 d); D: 09:25 → 12:00 = 155 (< 4 h).
    expect(stage(f.stages, 'doc_check').backlog).toEqual([0, 0, 1, 0]);
    expect(stage(f.stages, 'investigation').backlog).toEqual([0, 0, 0, 1]);
    expect(stage(f.stages, 'approval').backlog).toEqual([1, 0, 0, 0]);
    expect(f.stages.reduce((n, s) => n + s.open, 0)).toBe(3);
    expect(caseIdsOf(r, { kind: 'backlog', stage: 'doc_check', bucket: 2 })).toEqual(['C']);
    expect(sorted(caseIdsOf(r, { kind: 'backlog' }))).toEqual(['C', 'D', 'F']);
  });

  it('computes first-pass yield over decided cases and the return rate with reasons', () => {
    expect(f.quality.decided).toBe(2);
    expect(f.quality.firstPass).toBe(1);
    expect(f.quality.firstPassYield).toBe(0.5);
    expect(caseIdsOf(r, { kind: 'firstPass', returned: true })).toEqual(['B']);
    expect(f.quality.reviewed).toBe(9);
    expect(f.quality.returns).toBe(2);
    expect(f.quality.returnRate).toBe(0.2222);
    expect(f.quality.byStage).toEqual([
      { stage: 'doc_check', reviewed: 5, returns: 1, rate: 0.2 },
      { stage: 'approval', reviewed: 2, returns: 0, rate: 0 },
      { stage: 'confirm', reviewed: 2, returns: 1, rate: 0.5 },
    ]);
    expect(f.quality.reasons).toEqual([
      { kind: 'sentBack', reason: null, count: 1 },
      { kind: 'supplement', reason: '营业执照照片模糊', count: 1 },
      { kind: 'supplement', reason: '身份证件模糊', count: 1 },
    ]);
    expect(caseIdsOf(r, { kind: 'returns', returnKind: 'supplement', reason: '身份证件模糊' })).toEqual(['B']);
    expect(caseIdsOf(r, { kind: 'returns', reason: null })).toEqual(['E']);
  });

  it('rates approvals and declines, and counts withdrawals apart', () => {
    expect(f.decisions).toEqual({
      approved: 1,
      declined: 1,
      withdrawn: 1,
      approvalRate: 0.5,
      declineRate: 0.5,
      declinedAt: [{ stage: 'screening', count: 1 }],
    });
    expect(caseIdsOf(r, { kind: 'decision', outcome: 'withdrawn' })).toEqual(['E']);
    expect(caseIdsOf(r, { kind: 'decision', outcome: 'declined' })).toEqual(['B']);
  });

  it('counts screening rule hits in the period from the screeningCompleted reasons, in English where a screening recorded it', () => {
    expect(f.rules.screenings).toBe(4);
    expect(f.rules.hits).toEqual([
      { rule: R01, ruleEn: null, count: 1, share: 0.25, outcomes: { approval: 0, investigation: 0, declined: 1 } },
      { rule: R07, ruleEn: R07_EN, count: 1, share: 0.25, outcomes: { approval: 1, investigation: 0, declined: 0 } },
    ]);
    expect(caseIdsOf(r, { kind: 'ruleHit', rule: R07 })).toEqual(['A']);
    expect(rulesTable(f).rows.map((row) => row[0])).toEqual([R01, `${R07} / ${R07_EN}`]);
  });

  it('tables each person: handled, average handling time, returns, open at the end', () => {
    expect(f.people).toEqual([
      { personId: 'u-c2', name: '王芳', handled: 4, avgHandlingMinutes: 42.5, returns: 0, openNow: 0, openBreaching: 0 },
      { personId: 'u-c1', name: '张敏', handled: 2, avgHandlingMinutes: 45, returns: 1, openNow: 1, openBreaching: 1 },
      { personId: 'u-o1', name: '李强', handled: 2, avgHandlingMinutes: 150, returns: 0, openNow: 0, openBreaching: 0 },
      { personId: 'u-o2', name: '赵磊', handled: 2, avgHandlingMinutes: 30, returns: 1, openNow: 0, openBreaching: 0 },
    ]);
    expect(caseIdsOf(r, { kind: 'person', personId: 'u-c1', column: 'open' })).toEqual(['C']);
    expect(caseIdsOf(r, { kind: 'person', personId: 'u-c1', column: 'openBreaching' })).toEqual(['C']);
    expect(caseIdsOf(r, { kind: 'person', personId: 'u-c2', column: 'openBreaching' })).toEqual([]);
    expect(sorted(caseIdsOf(r, { kind: 'person', personId: 'u-c2', column: 'handled' }))).toEqual(['A', 'B', 'D', 'E']);
  });
});

describe('dashboard filters', () => {
  it('keeps, for a person, the stays they finished, the cases they hold and the cases they worked on', () => {
    const f = compute({ person: 'u-c1' }).figures;
    expect(stage(f.stages, 'doc_check').exits).toBe(2);
    expect(stage(f.stages, 'screening').exits).toBe(0);
    expect(stage(f.stages, 'doc_check').backlog).toEqual([0, 0, 1, 0]);
    expect(stage(f.stages, 'approval').backlog).toEqual([0, 0, 0, 0]);
    expect(f.people.map((p) => p.personId)).toEqual(['u-c1']);
    expect(f.decisions.approved + f.decisions.declined).toBe(2); // A and B, both checked by 张敏
    expect(f.quality.returns).toBe(1);
  });

  it('filters by team, product and branch through the case facts', () => {
    const corporate = compute({ team: 'corporate' }).figures;
    expect(stage(corporate.stages, 'doc_check').exits).toBe(2);
    expect(stage(corporate.stages, 'investigation').backlog).toEqual([0, 0, 0, 1]);
    expect(corporate.decisions.declined).toBe(1);
    expect(corporate.decisions.approved).toBe(0);
    const tax = compute({ product: 'tax_loan', branch: 'B2' }).figures;
    expect(stage(tax.stages, 'doc_check').exits).toBe(1); // D only
    expect(stage(tax.stages, 'approval').backlog).toEqual([1, 0, 0, 0]);
  });

  it('shows only the chosen stage and the work done in it', () => {
    const f = compute({ stage: 'approval' }).figures;
    expect(f.stages.map((s) => s.stage)).toEqual(['approval']);
    expect(f.throughput.day.counts.doc_check.every((n) => n === 0)).toBe(true);
    expect(f.people.map((p) => [p.personId, p.handled])).toEqual([['u-o1', 2]]);
  });

  it('reads a past period as it stood then: open cases and holders at that moment', () => {
    // At Mon 23 Nov 12:00 A (held by 李强 since 11:00) and E (in the team queue) wait for approval.
    const f = compute({ from: local('2026-11-23 00:00'), to: local('2026-11-23 12:00') }).figures;
    expect(stage(f.stages, 'doc_check').exits).toBe(2);
    expect(stage(f.stages, 'approval').open).toBe(2); // A (held by 李强) and E (in the team queue)
    expect(f.people.find((p) => p.personId === 'u-o1')).toMatchObject({ handled: 0, openNow: 1 });
    expect(f.people.find((p) => p.personId === 'u-c1')).toMatchObject({ handled: 1, openNow: 1 });
  });
});

describe('the event fold', () => {
  it('ignores a row fed twice and rows that are not about a case', () => {
    const t = trail();
    const log = new DashboardLog({ ...OPTS, facts: (id) => t.facts.get(id) });
    for (const e of t.events) log.ingest(e);
    const visits = log.visits.length;
    for (const e of t.events) log.ingest(e);
    expect(log.visits.length).toBe(visits);
    expect(log.people.some((p) => p.id === 'u-s1')).toBe(false);
  });

  it('follows a supervisor reassignment to the new holder', () => {
    const t = trail({ reassignC: true });
    const log = new DashboardLog({ ...OPTS, facts: (id) => t.facts.get(id) });
    for (const e of t.events) log.ingest(e);
    const f = computeDashboard(log, PERIOD, OPTS).figures;
    expect(f.people.find((p) => p.personId === 'u-c2')).toMatchObject({ openNow: 1, openBreaching: 1 });
    expect(f.people.find((p) => p.personId === 'u-c1')).toMatchObject({ openNow: 0 });
  });
});

describe('event types the dashboard does not know', () => {
  it('follows the assignee they record and otherwise leaves the holder alone', () => {
    const t = trail();
    const log = new DashboardLog({ ...OPTS, facts: (id) => t.facts.get(id) });
    for (const e of t.events) log.ingest(e);
    const next = (action: string, details: unknown, wall: string) => ({
      seq: log.lastSeq + 1,
      at: local(wall),
      actorId: 'system',
      actorName: '系统',
      action,
      caseId: 'C',
      fromState: 'screening',
      toState: 'screening',
      details: JSON.stringify(details),
    });
    // After the trail's last step (C passed to screening at 13:00 by 张敏, who then no longer holds it).
    const until14 = { ...PERIOD, to: local('2026-11-24 14:00') };
    const openOf = (id: string) => computeDashboard(log, until14, OPTS).figures.people.find((p) => p.personId === id)?.openNow ?? 0;
    log.ingest(next('documentFieldConfirmed', { field: 'name' }, '2026-11-24 13:30'));
    expect(openOf('u-c1')).toBe(0);
    expect(openOf('u-c2')).toBe(0);
    log.ingest(next('documentsHandedOver', { assignee: { id: 'u-c2', name: '王芳' } }, '2026-11-24 13:40'));
    expect(openOf('u-c2')).toBe(1);
  });
});

describe('the log snapshot', () => {
  it('restores a log that goes on folding to the same figures and the same drill-downs', () => {
    const t = trail({ reassignC: true });
    const opts = { ...OPTS, facts: (id: string) => t.facts.get(id) };
    const whole = new DashboardLog(opts);
    const first = new DashboardLog(opts);
    const half = Math.floor(t.events.length / 2);
    t.events.forEach((e, i) => {
      whole.ingest(e);
      if (i < half) first.ingest(e);
    });
    const restored = restoreLog(opts, snapshotOf(first));
    expect(restored.lastSeq).toBe(t.events[half - 1]!.seq);
    for (const e of t.events.slice(half)) restored.ingest(e);
    const a = computeDashboard(whole, PERIOD, OPTS);
    const b = computeDashboard(restored, PERIOD, OPTS);
    expect(b.figures).toEqual(a.figures);
    expect([...b.drill].map(([k, ids]) => [k, ids.map((ix) => b.cases[ix]!.id)])).toEqual([...a.drill].map(([k, ids]) => [k, ids.map((ix) => a.cases[ix]!.id)]));
  });

  it('refuses a snapshot whose columns do not add up', () => {
    const snap = snapshotOf(build());
    expect(() => restoreLog({ ...OPTS, facts: () => undefined }, { ...snap, columns: snap.columns.subarray(8) })).toThrow(RangeError);
  });
});
