import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { editOf } from '../../shared/screening/policy-edit';
import { tempHost, value, type TempHost } from './support/temp-host';
import { submitApplication } from './support/screening-cases';

const WAN = 1_000_000;

describe('automatic screening, limit and price through the host', () => {
  let h: TempHost;
  const t: Record<string, string> = {};
  /** Claims the case as a clerk, passes it on and waits for the screening the pass sets off. */
  async function passOn(caseId: string) {
    value(await h.call('case:claim', t.zhangmin!, { caseId }));
    const passed = value(await h.call('case:passDocCheck', t.zhangmin!, { caseId }));
    expect(passed.state).toBe('screening'); // the clerk's own command ends there; screening runs after it
    await h.host.services.screening.service.whenIdle();
    return value(await h.call('case:get', t.zhouyan!, { caseId }));
  }
  async function importCsv(text: string, fileName = 'list.csv') {
    const bytes = Buffer.from(text, 'utf8');
    const begun = value(await h.call('negativeList:begin', t.admin!, { fileName, sizeBytes: bytes.length }));
    value(await h.call('negativeList:chunk', t.admin!, { uploadId: begun.uploadId, index: 0, data: bytes.toString('base64') }));
    return value(await h.call('negativeList:commit', t.admin!, { uploadId: begun.uploadId, encoding: 'auto' }));
  }

  beforeAll(async () => {
    h = await tempHost({ cases: 400 });
    for (const u of ['zhangmin', 'liqiang', 'zhaolei', 'sunwei', 'chenjing', 'admin', 'zhouyan', 'wugang']) t[u] = await h.login(u);
  });
  afterAll(() => h.close());

  it('screens the demo cases that were waiting in screening when the host started, and lists some applicants', () => {
    const db = new Database(h.dbFile, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM cases WHERE state = 'screening'").get()).toEqual({ n: 0 });
    const results = db.prepare('SELECT outcome, rule_set_version FROM screening_results').all() as { outcome: string; rule_set_version: number }[];
    expect(results.length).toBeGreaterThan(5);
    expect(new Set(results.map((r) => r.rule_set_version))).toEqual(new Set([1]));
    const listed = db.prepare("SELECT count(*) AS n FROM screening_rule_hits WHERE rule_id = 'R001'").get() as { n: number };
    expect(listed.n).toBeGreaterThan(0);
    expect((db.prepare('SELECT count(*) AS n FROM negative_list').get() as { n: number }).n).toBeGreaterThanOrEqual(2_000);
    db.close();
  });

  it('passes a clean case to the retail approval queue with grade, limit, price and each rule explained', async () => {
    const { caseId } = submitApplication(h);
    const d = await passOn(caseId);
    expect(d.state).toBe('approval');
    expect(d.riskGrade).toBe('B');
    const last = d.history.at(-1)!;
    expect(last).toMatchObject({ action: 'screeningCompleted', actorName: '系统', toState: 'approval' });
    expect(last.details).toMatchObject({ outcome: 'approval', reasons: [], riskGrade: 'B', team: 'retail' });
    const s = value(await h.call('screening:get', t.liqiang!, { caseId }));
    expect(s.result).toMatchObject({ ruleSetVersion: 1, outcome: 'approval', team: 'retail', riskGrade: 'B' });
    expect(s.result!.rules.every((r) => r.result === 'pass')).toBe(true);
    expect(s.result!.limit).toMatchObject({ modelFen: 20 * WAN, limitFen: 20 * WAN, appliedCap: null });
    expect(s.result!.limit.steps[0]!.formula).toBe('¥400,000.00 × 50.00% = ¥200,000.00');
    expect(s.result!.price).toMatchObject({ rateBp: 550, floorApplied: false, quotaExempt: false });
    expect(s.effective).toEqual({ limitFen: 20 * WAN, rateBp: 550, limitOverridden: false, rateOverridden: false });
    const queue = value(await h.call('queue:list', t.liqiang!, { queue: 'approval_retail', startRow: 0, endRow: 50, filter: { search: d.application.appNo } }));
    expect(queue.rows.map((r) => r.id)).toEqual([caseId]);
  });

  it('declines with the reason, and refers to an investigation work order with the rule hits', async () => {
    const old = submitApplication(h, (d) => ({ ...d, applicant: { ...d.applicant, birthDate: '1958-01-01' } }));
    const declined = await passOn(old.caseId);
    expect(declined.state).toBe('declined');
    expect(declined.history.at(-1)!.details.reasons).toEqual(['R010 AGE_OUT_OF_RANGE: 申请人年龄不在 18–65 周岁之间']);
    expect(declined.history.at(-1)!.details.reasonsEn).toEqual(['R010 AGE_OUT_OF_RANGE: Applicant not aged 18–65']);

    const circle = submitApplication(h, (d) => ({ ...d, guaranteeFlags: { mutual: true, chain: false }, creditHistory: { overdue: true, badDebt: false } }));
    const referred = await passOn(circle.caseId);
    expect(referred.state).toBe('investigation');
    expect(referred.riskGrade).toBe('C');
    const s = value(await h.call('screening:get', t.liqiang!, { caseId: circle.caseId }));
    const hits = s.result!.rules.filter((r) => r.fired);
    expect(hits.map((r) => [r.ruleId, r.result])).toEqual([['R060', 'refer'], ['R070', 'refer']]);
    expect(hits[1]!.instruction?.zh).toContain('担保圈');
    const work = value(await h.call('queue:list', t.liqiang!, { queue: 'investigation', startRow: 0, endRow: 50, filter: { search: referred.application.appNo } }));
    expect(work.rows.map((r) => r.id)).toEqual([circle.caseId]);
  });

  it('refers a negative-list hit; the field officer records findings and sends the case to approval', async () => {
    const { caseId, data } = submitApplication(h);
    const report = await importCsv(`姓名,身份证号,原因,来源\r\n${data.applicant.name},${data.applicant.idNumber},法院失信被执行人,最高人民法院\r\n`);
    expect(report).toMatchObject({ imported: true, accepted: 1, rejected: 0, encoding: 'utf-8' });
    const d = await passOn(caseId);
    expect(d.state).toBe('investigation');
    const s = value(await h.call('screening:get', t.liqiang!, { caseId }));
    const hit = s.result!.rules.find((r) => r.ruleId === 'R001')!;
    expect(hit.result).toBe('refer');
    expect(hit.evidence.matches).toEqual([
      expect.objectContaining({ party: 'applicant', key: 'id_number', maskedValue: data.applicant.idNumber.slice(0, 4) + '**********' + data.applicant.idNumber.slice(-4), reason: '法院失信被执行人', source: '最高人民法院' }),
      ]);
    // Found by ID number; the same entry found again by name + birth date is not listed twice.
    expect(s.result!.limit.floors.find((f) => f.code === 'base_inclusive')!.eligible).toBe(false);

    value(await h.call('case:claim', t.liqiang!, { caseId }));
    const short = await h.call('investigation:complete', t.liqiang!, { caseId, outcome: 'approval', findings: '' });
    expect(!short.ok && short.error.code).toBe('validation');
    const done = value(await h.call('investigation:complete', t.liqiang!, { caseId, outcome: 'approval', findings: '实地走访：同名不同人，负面清单记录为另一人，经营正常' }));
    expect(done.state).toBe('approval');
    const after = value(await h.call('case:get', t.zhouyan!, { caseId }));
    expect(after.history.at(-1)).toMatchObject({ action: 'investigationCompleted', actorName: '李强' });
  });

  it('an investigation that finds the risk real declines the case, with the findings recorded', async () => {
    const circle = submitApplication(h, (d) => ({ ...d, guaranteeFlags: { mutual: true, chain: false } }));
    const referred = await passOn(circle.caseId);
    expect(referred.state).toBe('investigation');
    const caseId = circle.caseId;
    value(await h.call('case:claim', t.liqiang!, { caseId }));
    const findings = '实地走访：申请人为三户企业互保圈成员，其中一户已停业，代偿风险高';
    const done = value(await h.call('investigation:complete', t.liqiang!, { caseId, outcome: 'declined', findings }));
    expect(done.state).toBe('declined');
    const after = value(await h.call('case:get', t.zhouyan!, { caseId }));
    expect(after.history.at(-1)).toMatchObject({ action: 'investigationCompleted', actorName: '李强', toState: 'declined' });
    expect(JSON.stringify(after.history.at(-1)!.details)).toContain(findings);
    const work = value(await h.call('queue:list', t.liqiang!, { queue: 'investigation', startRow: 0, endRow: 50, filter: { search: referred.application.appNo } }));
    expect(work.rows).toEqual([]);
  });

  it('an officer overrides limit and rate within his authority, with a reason that is audited', async () => {
    const { caseId } = submitApplication(h, (d) => ({ ...d, amountFen: 150 * WAN }));
    await passOn(caseId);
    const noHold = await h.call('screening:override', t.liqiang!, { caseId, rateBp: 540, reason: '综合贡献度高' });
    expect(!noHold.ok && noHold.error.code).toBe('forbidden');
    value(await h.call('case:claim', t.liqiang!, { caseId }));
    const before = value(await h.call('screening:get', t.liqiang!, { caseId }));
    expect(before.overrideAuthority).toEqual({ maxLimitFen: 100 * WAN, lowestRateBp: 520, floorBp: 345 });
    const tooMuch = await h.call('screening:override', t.liqiang!, { caseId, limitFen: 100 * WAN + 100, reason: '经营流水充足' });
    expect(!tooMuch.ok && tooMuch.error.message).toContain('超出您的审批权限');
    const tooCheap = await h.call('screening:override', t.liqiang!, { caseId, rateBp: 519, reason: '综合贡献度高' });
    expect(!tooCheap.ok && tooCheap.error.code).toBe('forbidden');
    const noReason = await h.call('screening:override', t.liqiang!, { caseId, rateBp: 530, reason: ' ' });
    expect(!noReason.ok && noReason.error.code).toBe('validation');
    value(await h.call('screening:override', t.liqiang!, { caseId, limitFen: 100 * WAN, rateBp: 520, reason: '经营流水充足，代发工资客户' }));
    const after = value(await h.call('screening:get', t.liqiang!, { caseId }));
    expect(after.effective).toEqual({ limitFen: 100 * WAN, rateBp: 520, limitOverridden: true, rateOverridden: true });
    expect(after.overrides).toEqual([expect.objectContaining({ limitFen: 100 * WAN, rateBp: 520, reason: '经营流水充足，代发工资客户', actorName: '李强' })]);
    const trail = value(await h.call('audit:list', t.wugang!, { filter: { action: 'screeningOverridden' }, startRow: 0, endRow: 10 }));
    expect(trail.rows.find((r) => r.caseId === caseId)?.details).toMatchObject({ reason: '经营流水充足，代发工资客户', limit: '200,000.00 → 1,000,000.00', rate: '5.50% → 5.20%' });
  });

  it('a rule edit makes a new version; an earlier screening keeps the version it used', async () => {
    const first = submitApplication(h, (d) => ({ ...d, creditHistory: { overdue: true, badDebt: false } }));
    expect((await passOn(first.caseId)).state).toBe('investigation');

    const rules = value(await h.call('screening:rules', t.admin!, {}));
    expect(rules.current.version).toBe(1);
    expect(rules.readOnly).toBeNull(); // a desktop without a central server edits its own rules
    const edit = editOf(rules.current.policy);
    edit.rules.find((r) => r.id === 'R060')!.enabled = false;
    const refused = await h.call('screening:updateRules', t.zhouyan!, { basedOnVersion: 1, note: '主管越权', edit });
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    expect(value(await h.call('screening:updateRules', t.admin!, { basedOnVersion: 1, note: '逾期改由审批员判断', edit })).version).toBe(2);
    const stale = await h.call('screening:updateRules', t.admin!, { basedOnVersion: 1, note: '基于旧版本的修改', edit });
    expect(!stale.ok && stale.error.code).toBe('conflict');

    const second = submitApplication(h, (d) => ({ ...d, creditHistory: { overdue: true, badDebt: false } }));
    expect((await passOn(second.caseId)).state).toBe('approval');
    const a = value(await h.call('screening:get', t.zhouyan!, { caseId: first.caseId }));
    const b = value(await h.call('screening:get', t.zhouyan!, { caseId: second.caseId }));
    expect(a.result!.ruleSetVersion).toBe(1);
    expect(a.result!.rules.find((r) => r.ruleId === 'R060')).toMatchObject({ enabled: true, fired: true });
    expect(b.result!.ruleSetVersion).toBe(2);
    expect(b.result!.rules.find((r) => r.ruleId === 'R060')).toMatchObject({ enabled: false, fired: false });
    const v1 = value(await h.call('screening:ruleSet', t.zhouyan!, { version: 1 }));
    expect(v1.policy.rules.find((r) => r.id === 'R060')!.enabled).toBe(true);
    const trail = value(await h.call('audit:list', t.wugang!, { filter: { action: 'screeningRulesChanged' }, startRow: 0, endRow: 10 }));
    expect(trail.rows[0]?.details).toMatchObject({ version: 2, basedOn: 1, note: '逾期改由审批员判断' });
  });

  it('routes by the configured routing: a corporate threshold lowered to 100万 sends a 150万 credit loan to the corporate team', async () => {
    const rules = value(await h.call('screening:rules', t.admin!, {}));
    const edit = editOf(rules.current.policy);
    edit.routing.corporateAbove = [{ segment: '*', aboveFen: 100 * WAN }];
    value(await h.call('screening:updateRules', t.admin!, { basedOnVersion: rules.current.version, note: '百万以上转公司团队', edit }));
    const { caseId } = submitApplication(h, (d) => ({ ...d, amountFen: 150 * WAN }));
    const d = await passOn(caseId);
    expect(d.state).toBe('approval');
    expect(d.team).toBe('corporate');
    const corp = value(await h.call('queue:list', t.chenjing!, { queue: 'approval_corporate', startRow: 0, endRow: 20, filter: { search: d.application.appNo } }));
    expect(corp.rows.map((r) => r.id)).toEqual([caseId]);
  });

  it('keeps screening results from anyone who may not see the case', async () => {
    const db = new Database(h.dbFile, { readonly: true });
    const { case_id } = db.prepare("SELECT case_id FROM screening_results r JOIN cases c ON c.id = r.case_id WHERE c.state = 'approval' LIMIT 1").get() as { case_id: string };
    db.close();
    const clerk = await h.call('screening:get', t.zhangmin!, { caseId: case_id });
    expect(!clerk.ok && clerk.error.code).toBe('forbidden');
    const rules = await h.call('screening:rules', t.zhangmin!, {});
    expect(!rules.ok && rules.error.code).toBe('forbidden');
    const list = await h.call('negativeList:summary', t.liqiang!, {});
    expect(!list.ok && list.error.code).toBe('forbidden');
    expect(value(await h.call('audit:verify', t.wugang!, {})).ok).toBe(true);
  });
});
