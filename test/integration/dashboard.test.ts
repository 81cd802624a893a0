import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { PRODUCTS } from '../../shared/products/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardFigures } from '../../shared/dashboard/figures';
import { STAGES } from '../../shared/dashboard/stages';
import { offeredReason } from '../../shared/workflow/offered-reasons';
import { makeIdNumber } from '../../shared/validators/generate';
import { tempHost, value, type TempHost } from './support/temp-host';

const DAY = 86_400_000;

/** Stage of each state, written out again in SQL so the check does not lean on the code it checks. */
const STAGE_MAP = `stage_of(state, stage) AS (VALUES ('submitted','doc_check'), ('doc_check','doc_check'), ('screening','screening'),
  ('investigation','investigation'), ('approval','approval'), ('proposed','confirm'), ('approved','contract'))`;

describe('supervisor dashboard on a real demo store', () => {
  let h: TempHost;
  let supervisor: string;
  let db: Database.Database;
  let query: { from: string; to: string };
  let figures: DashboardFigures;
  const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
  const byKey = (sql: string, ...params: unknown[]) =>
    Object.fromEntries((db.prepare(sql).all(...params) as { k: string; n: number }[]).map((r) => [r.k, r.n]));

  beforeAll(async () => {
    h = await tempHost({ cases: 1200 });
    supervisor = await h.login('zhouyan');
    db = new Database(h.dbFile, { readonly: true });
    // Asked up to tomorrow, the host ends the period at its clock (inclusive); SQL below uses that end.
    const asked = { from: new Date(h.now() - 30 * DAY).toISOString(), to: new Date(h.now() + DAY).toISOString() };
    figures = value(await h.call('dashboard:figures', supervisor, { query: asked }));
    query = { from: asked.from, to: figures.period.to };
    expect(Date.parse(query.to)).toBe(h.now() + 1);
  });
  afterAll(() => {
    db.close();
    h.close();
  });

  it('counts stage exits exactly as the audit trail records state changes between stages', () => {
    const expected = byKey(
      `WITH ${STAGE_MAP}
       SELECT f.stage AS k, count(*) AS n FROM audit a JOIN stage_of f ON f.state = a.from_state
       LEFT JOIN stage_of t ON t.state = a.to_state
       WHERE a.at >= ? AND a.at < ? AND (t.stage IS NULL OR t.stage <> f.stage) GROUP BY f.stage`,
      query.from,
      query.to,
    );
    expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
    for (const s of figures.stages) expect([s.stage, s.exits]).toEqual([s.stage, expected[s.stage] ?? 0]);
    for (const s of STAGES) expect(figures.throughput.day.counts[s].reduce((a, b) => a + b, 0)).toBe(expected[s] ?? 0);
  });

  it('counts SLA breaches against the due time the command path stored when the case entered the stage', () => {
    // For every exit: the row that brought the case into the stage carries the stage's slaDueAt.
    const expected = byKey(
      `WITH ${STAGE_MAP},
       exits AS (SELECT a.seq, a.case_id, a.at, f.stage FROM audit a JOIN stage_of f ON f.state = a.from_state
                 LEFT JOIN stage_of t ON t.state = a.to_state
                 WHERE a.at >= ? AND a.at < ? AND (t.stage IS NULL OR t.stage <> f.stage))
       SELECT x.stage AS k, count(*) AS n FROM exits x
       WHERE x.at > (SELECT json_extract(e.details, '$.slaDueAt') FROM audit e JOIN stage_of t2 ON t2.state = e.to_state
                     LEFT JOIN stage_of f2 ON f2.state = e.from_state
                     WHERE e.case_id = x.case_id AND e.seq < x.seq AND t2.stage = x.stage AND (f2.stage IS NULL OR f2.stage <> x.stage)
                     ORDER BY e.seq DESC LIMIT 1)
       GROUP BY x.stage`,
      query.from,
      query.to,
    );
    for (const s of figures.stages) expect([s.stage, s.sla.breached]).toEqual([s.stage, expected[s.stage] ?? 0]);
    expect(figures.stages.find((s) => s.stage === 'doc_check')!.sla.breached).toBeGreaterThan(0);
  });

  it('reads the backlog and the cases breaching now off the cases table as it stands', () => {
    const open = byKey(`WITH ${STAGE_MAP} SELECT s.stage AS k, count(*) AS n FROM cases c JOIN stage_of s ON s.state = c.state GROUP BY s.stage`);
    const breaching = byKey(
      `WITH ${STAGE_MAP} SELECT s.stage AS k, count(*) AS n FROM cases c JOIN stage_of s ON s.state = c.state
       WHERE c.sla_due_at IS NOT NULL AND c.sla_due_at < ? GROUP BY s.stage`,
      query.to,
    );
    for (const s of figures.stages) {
      expect([s.stage, s.open]).toEqual([s.stage, open[s.stage] ?? 0]);
      expect([s.stage, s.sla.breachingNow]).toEqual([s.stage, breaching[s.stage] ?? 0]);
    }
    const held = byKey(
      "SELECT assignee_id AS k, count(*) AS n FROM cases WHERE assignee_id IS NOT NULL AND state NOT IN ('contracted','declined','withdrawn','returned') GROUP BY assignee_id",
    );
    for (const p of figures.people) expect([p.personId, p.openNow]).toEqual([p.personId, held[p.personId] ?? 0]);
    expect(figures.people.reduce((n, p) => n + p.openNow, 0)).toBe(Object.values(held).reduce((a, b) => a + b, 0));
  });

  it("lists behind a person's 在办超时 exactly the cases he holds past their SLA (not all he holds)", async () => {
    const rows = db
      .prepare(
        `SELECT assignee_id AS person, id FROM cases WHERE assignee_id IS NOT NULL AND state NOT IN ('contracted','declined','withdrawn','returned')
         AND sla_due_at IS NOT NULL AND sla_due_at < ?`,
      )
      .all(query.to) as { person: string; id: string }[];
    let fewerThanHeld = 0;
    for (const p of figures.people) {
      const expected = rows.filter((r) => r.person === p.personId).map((r) => r.id).sort();
      expect([p.personId, p.openBreaching]).toEqual([p.personId, expected.length]);
      if (p.openBreaching === 0) continue;
      const drill = value(await h.call('dashboard:drill', supervisor, { query, ref: { kind: 'person', personId: p.personId, column: 'openBreaching' }, startRow: 0, endRow: 500 }));
      expect(drill.rows.map((r) => r.caseId).sort()).toEqual(expected);
      if (p.openNow > p.openBreaching) fewerThanHeld++;
    }
    expect(fewerThanHeld).toBeGreaterThan(0);
  });

  it('counts work, returns with reasons, decisions and rule hits like the audit rows do', () => {
    const work = byKey(
      `SELECT actor_id AS k, count(*) AS n FROM audit WHERE at >= ? AND at < ? AND action IN
       ('docCheckPassed','returnedForSupplement','proposed','confirmed','sentBack','returnedToDocCheck','investigationCompleted','contractRecorded')
       GROUP BY actor_id`,
      query.from,
      query.to,
    );
    for (const p of figures.people) expect([p.personId, p.handled]).toEqual([p.personId, work[p.personId] ?? 0]);
    const returns = count(
      "SELECT count(*) AS n FROM audit WHERE at >= ? AND at < ? AND action IN ('returnedForSupplement','returnedToDocCheck','sentBack')",
      query.from,
      query.to,
    );
    expect(figures.quality.returns).toBe(returns);
    expect(returns).toBeGreaterThan(0);
    const reasons = byKey(
      `SELECT r.value AS k, count(*) AS n FROM audit a, json_each(a.details, '$.reasons') r
       WHERE a.at >= ? AND a.at < ? AND a.action IN ('returnedForSupplement','returnedToDocCheck') GROUP BY r.value`,
      query.from,
      query.to,
    );
    expect(Object.fromEntries(figures.quality.reasons.filter((r) => r.reason !== null).map((r) => [r.reason, r.count]))).toEqual(reasons);

    const decided = (state: string) =>
      count('SELECT count(*) AS n FROM audit WHERE at >= ? AND at < ? AND to_state = ? AND from_state <> to_state', query.from, query.to, state);
    expect(figures.decisions.approved).toBe(decided('approved'));
    expect(figures.decisions.declined).toBe(decided('declined'));
    expect(figures.decisions.withdrawn).toBe(decided('withdrawn'));
    const firstPass = count(
      `SELECT count(*) AS n FROM audit d WHERE d.at >= ? AND d.at < ? AND d.to_state IN ('approved','declined') AND d.from_state <> d.to_state
       AND NOT EXISTS (SELECT 1 FROM audit r WHERE r.case_id = d.case_id AND r.seq < d.seq
                       AND r.action IN ('returnedForSupplement','returnedToDocCheck','sentBack'))`,
      query.from,
      query.to,
    );
    expect(figures.quality.firstPass).toBe(firstPass);
    expect(figures.quality.decided).toBe(decided('approved') + decided('declined'));

    expect(figures.rules.screenings).toBe(count("SELECT count(*) AS n FROM audit WHERE at >= ? AND at < ? AND action = 'screeningCompleted'", query.from, query.to));
    const hits = byKey(
      `SELECT r.value AS k, count(*) AS n FROM audit a, json_each(a.details, '$.reasons') r
       WHERE a.at >= ? AND a.at < ? AND a.action = 'screeningCompleted' GROUP BY r.value`,
      query.from,
      query.to,
    );
    expect(Object.fromEntries(figures.rules.hits.map((r) => [r.rule, r.count]))).toEqual(hits);
    const ends = count(
      "SELECT count(*) AS n FROM audit WHERE at >= ? AND at < ? AND to_state IN ('contracted','declined') AND from_state <> to_state",
      query.from,
      query.to,
    );
    expect(figures.endToEnd.cycle.count).toBe(ends);
  });

  it('drills down to exactly the cases behind a figure', async () => {
    const rule = figures.rules.hits[0]!;
    const drill = value(await h.call('dashboard:drill', supervisor, { query, ref: { kind: 'ruleHit', rule: rule.rule }, startRow: 0, endRow: 1000 }));
    const expected = (
      db
        .prepare(
          `SELECT DISTINCT a.case_id AS id FROM audit a, json_each(a.details, '$.reasons') r
           WHERE a.at >= ? AND a.at < ? AND a.action = 'screeningCompleted' AND r.value = ?`,
        )
        .all(query.from, query.to, rule.rule) as { id: string }[]
    ).map((r) => r.id);
    expect(drill.total).toBe(expected.length);
    expect(drill.rows.map((r) => r.caseId).sort()).toEqual(expected.sort());
    const breaching = value(await h.call('dashboard:drill', supervisor, { query, ref: { kind: 'breachingNow', stage: 'doc_check' }, startRow: 0, endRow: 50 }));
    expect(breaching.total).toBe(figures.stages.find((s) => s.stage === 'doc_check')!.sla.breachingNow);
    for (const row of breaching.rows) {
      expect(['submitted', 'doc_check']).toContain(row.state);
      expect(row.slaDueAt! < query.to).toBe(true);
    }
  });

  it('follows new work at once: a pass made now shows in throughput and handled', async () => {
    const clerk = await h.login('zhangmin');
    const claimed = value(await h.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    h.advance(60_000);
    value(await h.call('case:passDocCheck', clerk, { caseId: claimed.caseId }));
    h.advance(60_000);
    const later = { from: query.from, to: new Date(h.now() + 1).toISOString() };
    const next = value(await h.call('dashboard:figures', supervisor, { query: later }));
    const exits = (f: DashboardFigures) => f.stages.find((s) => s.stage === 'doc_check')!.exits;
    const handled = (f: DashboardFigures) => f.people.find((p) => p.personId === 'u-clerk-1')?.handled ?? 0;
    expect(exits(next)).toBe(exits(figures) + 1);
    expect(handled(next)).toBe(handled(figures) + 1);
  });

  it('reassigns each selected case with its own audited assign command and reports refusals per case', async () => {
    const ids = (
      db.prepare("SELECT id FROM cases WHERE state = 'submitted' AND assignee_id IS NULL ORDER BY id LIMIT 3").all() as { id: string }[]
    ).map((r) => r.id);
    const done = (db.prepare("SELECT id FROM cases WHERE state = 'contracted' LIMIT 1").get() as { id: string }).id;
    const before = count("SELECT count(*) AS n FROM audit WHERE action = 'assigned'");
    const r = value(await h.call('dashboard:reassign', supervisor, { caseIds: [...ids, done], assigneeId: 'u-clerk-2', reason: '均衡工作量' }));
    expect(r.succeeded).toBe(3);
    expect(r.failed).toBe(1);
    expect(r.results.find((x) => x.caseId === done)!.error!.code).toBe('invalid-transition');
    const rows = db.prepare("SELECT case_id, actor_id, details FROM audit WHERE action = 'assigned' AND seq > 0 ORDER BY seq DESC LIMIT 3").all() as {
      case_id: string;
      actor_id: string;
      details: string;
    }[];
    expect(count("SELECT count(*) AS n FROM audit WHERE action = 'assigned'")).toBe(before + 3);
    expect(rows.map((x) => x.case_id).sort()).toEqual([...ids].sort());
    for (const row of rows) {
      expect(row.actor_id).toBe('u-super-1');
      expect(JSON.parse(row.details)).toMatchObject({ reason: '均衡工作量', assignee: { id: 'u-clerk-2', name: '王芳' } });
    }
    const wangfang = await h.login('wangfang');
    const mine = value(await h.call('queue:list', wangfang, { queue: 'mine', startRow: 0, endRow: 1000 }));
    for (const id of ids) expect(mine.rows.map((x) => x.id)).toContain(id);
  });

  it('offers people who may take the selected cases, and refuses the dashboard to a clerk', async () => {
    const ids = (db.prepare("SELECT id FROM cases WHERE state = 'approval' AND team = 'retail' LIMIT 5").all() as { id: string }[]).map((r) => r.id);
    const people = value(await h.call('dashboard:assignees', supervisor, { caseIds: ids })).users;
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((p) => p.eligible >= 1 && p.eligible <= ids.length)).toBe(true);
    expect(people.map((p) => p.id)).not.toContain('u-clerk-1');
    const clerk = await h.login('zhangmin');
    const refused = await h.call('dashboard:figures', clerk, { query });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
    const bulk = await h.call('dashboard:reassign', clerk, { caseIds: ids, assigneeId: 'u-clerk-2', reason: '越权测试' });
    expect(bulk.ok ? 'ok' : bulk.error.code).toBe('forbidden');
  });

  it('exports each table as CSV and as XLSX with the same figures', async () => {
    const csv = value(await h.call('dashboard:export', supervisor, { query, table: 'people', format: 'csv' }));
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF人员 Person,')).toBe(true);
    const lines = text.trim().split('\r\n');
    const current = value(await h.call('dashboard:figures', supervisor, { query }));
    expect(lines).toHaveLength(current.people.length + 1);

    const xlsx = value(await h.call('dashboard:export', supervisor, { query, table: 'stages', format: 'xlsx' }));
    expect(xlsx.filename).toMatch(/^dashboard-stages-\d{8}-\d{4}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('阶段指标 Stages');
    expect(sheet.rowCount).toBe(current.stages.length + 1);
    const exits = Array.from({ length: current.stages.length }, (_, i) => sheet.getRow(i + 2).getCell(2).value);
    expect(exits).toEqual(current.stages.map((s) => s.exits));

    const drillCsv = value(await h.call('dashboard:export', supervisor, { query, table: 'drill', format: 'csv', ref: { kind: 'backlog', stage: 'approval' } }));
    const drillLines = Buffer.from(drillCsv.base64, 'base64').toString('utf8').trim().split('\r\n');
    expect(drillLines).toHaveLength(current.stages.find((s) => s.stage === 'approval')!.open + 1);
    // Values in both languages, as the headers are: product and state read in either.
    const products = Object.values(PRODUCTS).map((p) => `${p.zh} ${p.en}`);
    for (const line of drillLines.slice(1)) {
      const cells = line.split(',');
      expect(products).toContain(cells[2]);
      expect(cells[5]).toBe('待审批 Awaiting approval');
      // Amounts as exact yuan with two decimals, never a float's digits.
      expect(cells[3]).toMatch(/^\d+\.\d{2}$/);
    }

    // Return reasons the forms offered read in both languages too; one typed in stays as written.
    const returnsCsv = value(await h.call('dashboard:export', supervisor, { query, table: 'returns', format: 'csv' }));
    const reasonCells = Buffer.from(returnsCsv.base64, 'base64').toString('utf8').trim().split('\r\n').slice(1).map((l) => l.split(',')[1]);
    expect(reasonCells).toHaveLength(current.quality.reasons.length);
    expect(reasonCells).toContain('身份证件模糊 ID document illegible');
    current.quality.reasons.forEach((r, i) => expect(reasonCells[i]).toBe(r.reason === null ? '' : offeredReason(r.reason) ? `${r.reason} ${offeredReason(r.reason)!.en}` : r.reason));
  });

  it('masks an identity number typed into a return reason for a supervisor, in the figures and the export, and drills down from the masked reason to its case', async () => {
    const clerk = await h.login('zhangmin');
    const claimed = value(await h.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    const fullId = makeIdNumber('320102', '1985-06-15', 123);
    const masked = `${fullId.slice(0, 4)}${'*'.repeat(10)}${fullId.slice(-4)}`;
    value(await h.call('case:returnForSupplement', clerk, { caseId: claimed.caseId, reasons: [`证件号${fullId}与申请不符`] }));
    const now = { from: query.from, to: new Date(h.now() + DAY).toISOString() };
    const reasons = value(await h.call('dashboard:figures', supervisor, { query: now })).quality.reasons.map((r) => r.reason ?? '');
    expect(reasons.join('|')).not.toContain(fullId);
    const shown = reasons.find((r) => r.includes(masked));
    expect(shown).toBe(`证件号${masked}与申请不符`);
    const drill = value(await h.call('dashboard:drill', supervisor, { query: now, ref: { kind: 'returns', reason: shown! }, startRow: 0, endRow: 50 }));
    expect(drill.rows.map((r) => r.caseId)).toEqual([claimed.caseId]);
    const csv = Buffer.from(value(await h.call('dashboard:export', supervisor, { query: now, table: 'returns', format: 'csv' })).base64, 'base64').toString('utf8');
    expect(csv).not.toContain(fullId);
    expect(csv).toContain(masked);

    // The full number guessed into a drill-down finds nothing (a count would confirm the guess).
    const guessed = value(await h.call('dashboard:drill', supervisor, { query: now, ref: { kind: 'returns', reason: `证件号${fullId}与申请不符` }, startRow: 0, endRow: 50 }));
    expect(guessed.total).toBe(0);

    // Another number that masks the same (same first and last four digits): one row, counting both, whose
    // drill-down lists both cases.
    let other = fullId;
    for (let day = 16; other === fullId || other.slice(-4) !== fullId.slice(-4); day++) other = makeIdNumber('320102', `1985-06-${String(day).padStart(2, '0')}`, 123);
    const second = value(await h.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    value(await h.call('case:returnForSupplement', clerk, { caseId: second.caseId, reasons: [`证件号${other}与申请不符`] }));
    const rows = value(await h.call('dashboard:figures', supervisor, { query: now })).quality.reasons.filter((r) => r.reason === shown);
    expect(rows.map((r) => r.count)).toEqual([2]);
    const both = value(await h.call('dashboard:drill', supervisor, { query: now, ref: { kind: 'returns', reason: shown! }, startRow: 0, endRow: 50 }));
    expect(both.rows.map((r) => r.caseId).sort()).toEqual([claimed.caseId, second.caseId].sort());
  });
});
