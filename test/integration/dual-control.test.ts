import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { actorOf } from '../../electron/host/auth/auth-service';
import { tempHost, value, type TempHost } from './support/temp-host';

const WAN = 1_000_000;

describe('dual control through the host API', () => {
  let h: TempHost;
  const tokens: Record<string, string> = {};
  /**
   * An unclaimed case in the approval queue, graded A or B, its amount in [minFen, maxFen], not checked by any
   * officer: of the retail team, or of the products named.
   */
  function approvalCase(minFen: number, maxFen: number, products?: readonly string[]): string {
    const db = new Database(h.dbFile, { readonly: true });
    const which = products ? `product_code IN (${products.map(() => '?').join(',')})` : "team = 'retail'";
    const row = db
      .prepare(
        `SELECT id FROM cases WHERE state = 'approval' AND ${which} AND assignee_id IS NULL
         AND risk_grade IN ('A','B') AND amount_fen BETWEEN ? AND ? ORDER BY id LIMIT 1`,
      )
      .get(...(products ?? []), minFen, maxFen) as { id: string } | undefined;
    db.close();
    if (!row) throw new Error('demo data has no such case');
    return row.id;
  }
  const approve = (amountFen: number) => ({ decision: 'approve' as const, amountFen, termMonths: 12, rateBp: 435, repaymentMethod: 'equal_installment' as const });

  beforeAll(async () => {
    h = await tempHost({ cases: 900 });
    for (const u of ['liqiang', 'zhaolei', 'chenjing', 'sunwei', 'guoli', 'hexin', 'zhangmin', 'wugang', 'admin', 'zhouyan']) tokens[u] = await h.login(u);
  });
  afterAll(() => h.close());

  it('A proposes; A can neither claim nor confirm; B confirms and the case reaches the contract desk', async () => {
    const caseId = approvalCase(10 * WAN, 50 * WAN);
    const detail = value(await h.call('case:get', tokens.liqiang!, { caseId }));
    value(await h.call('case:claim', tokens.liqiang!, { caseId }));
    value(await h.call('approval:propose', tokens.liqiang!, { caseId, proposal: approve(detail.application.amountFen) }));

    const asMaker = value(await h.call('case:get', tokens.liqiang!, { caseId }));
    expect(asMaker.state).toBe('proposed');
    expect(asMaker.allowedActions).toEqual([]);
    const selfClaim = await h.call('case:claim', tokens.liqiang!, { caseId });
    expect(!selfClaim.ok && selfClaim.error.message).toBe('不能复核本人提交的审批意见');
    const selfConfirm = await h.call('approval:confirm', tokens.liqiang!, { caseId });
    expect(!selfConfirm.ok && selfConfirm.error.code).toBe('sod-violation');

    expect(value(await h.call('case:get', tokens.zhaolei!, { caseId })).allowedActions).toEqual(['claim']);
    value(await h.call('case:claim', tokens.zhaolei!, { caseId }));
    // B confirms the proposal as he read it: a confirmation naming an earlier version of the case is refused
    // and leaves nothing behind.
    const read = value(await h.call('case:get', tokens.zhaolei!, { caseId }));
    const stale = await h.call('approval:confirm', tokens.zhaolei!, { caseId, comment: '同意', expectedVersion: asMaker.version });
    expect(!stale.ok && stale.error).toMatchObject({ code: 'conflict', message: '案件在您查阅审批意见后已有变化，请重新查阅后再复核' });
    expect(value(await h.call('case:get', tokens.zhaolei!, { caseId }))).toMatchObject({ state: 'proposed', version: read.version, history: read.history });
    const confirmed = value(await h.call('approval:confirm', tokens.zhaolei!, { caseId, comment: '同意', expectedVersion: read.version }));
    expect(confirmed.state).toBe('approved');
    expect(value(await h.call('case:get', tokens.zhaolei!, { caseId })).state).toBe('approved'); // the checker still sees what he confirmed
    const desk = value(await h.call('queue:list', tokens.zhangmin!, { queue: 'contract_desk', startRow: 0, endRow: 500, filter: { search: asMaker.application.appNo } }));
    expect(desk.rows.map((r) => r.id)).toEqual([caseId]);
  });

  it('never lets a clerk-and-officer approve a case whose documents he checked', async () => {
    const db = new Database(h.dbFile, { readonly: true });
    const { id } = db.prepare("SELECT id FROM cases WHERE state = 'submitted' AND team = 'retail' AND assignee_id IS NULL ORDER BY id LIMIT 1").get() as { id: string };
    db.close();
    const claimed = value(await h.call('case:claim', tokens.hexin!, { caseId: id }));
    value(await h.call('case:passDocCheck', tokens.hexin!, { caseId: claimed.caseId }));
    const system = actorOf(h.host.services.users.byId('system')!);
    const screened = h.host.services.commands.execute(system, 'completeScreening', { caseId: claimed.caseId, outcome: 'approval', riskGrade: 'A' });
    expect(screened.ok).toBe(true);
    const claim = await h.call('case:claim', tokens.hexin!, { caseId: claimed.caseId });
    expect(!claim.ok && claim.error.message).toBe('不能审批本人审核过资料的案件');
    const next = value(await h.call('queue:claimNext', tokens.hexin!, { queue: 'approval_retail' }));
    expect(next.caseId).not.toBe(claimed.caseId); // claim next passes over it
  });

  it('routes an amount above an officer’s band to a senior officer', async () => {
    const caseId = approvalCase(100 * WAN + 1, 500 * WAN);
    const amount = value(await h.call('case:get', tokens.liqiang!, { caseId })).application.amountFen;
    value(await h.call('case:claim', tokens.liqiang!, { caseId }));
    value(await h.call('approval:propose', tokens.liqiang!, { caseId, proposal: approve(amount) }));
    const officer = await h.call('case:claim', tokens.zhaolei!, { caseId });
    expect(!officer.ok && officer.error.code).toBe('forbidden');
    expect(!officer.ok && officer.error.message).toContain('需高级审批员复核');
    value(await h.call('case:claim', tokens.sunwei!, { caseId }));
    expect(value(await h.call('approval:confirm', tokens.sunwei!, { caseId })).state).toBe('approved');
  });

  it('lets an officer confirm exactly at his inclusive limit, and refuses him one fen above it', async () => {
    // The officer's band is 100万 inclusive (matrix version 1); the proposal's amount is what is judged.
    const atLimit = approvalCase(100 * WAN + 1, 500 * WAN);
    value(await h.call('case:claim', tokens.liqiang!, { caseId: atLimit }));
    value(await h.call('approval:propose', tokens.liqiang!, { caseId: atLimit, proposal: approve(100 * WAN) }));
    value(await h.call('case:claim', tokens.zhaolei!, { caseId: atLimit }));
    expect(value(await h.call('approval:confirm', tokens.zhaolei!, { caseId: atLimit })).state).toBe('approved');

    const above = approvalCase(100 * WAN + 1, 500 * WAN);
    value(await h.call('case:claim', tokens.liqiang!, { caseId: above }));
    value(await h.call('approval:propose', tokens.liqiang!, { caseId: above, proposal: approve(100 * WAN + 1) }));
    const refused = await h.call('case:claim', tokens.zhaolei!, { caseId: above });
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    expect(!refused.ok && refused.error.message).toBe('审批金额超出您的审批权限（上限 100万元（含）），需高级审批员复核');
    expect(value(await h.call('case:get', tokens.zhaolei!, { caseId: above })).state).toBe('proposed');
  });

  it('needs two different senior officers above a senior’s limit', async () => {
    const caseId = approvalCase(500 * WAN + 1, 1000 * WAN, ['invoice_finance', 'mortgage_fast']);
    const amountFen = value(await h.call('case:get', tokens.chenjing!, { caseId })).application.amountFen;
    value(await h.call('case:claim', tokens.chenjing!, { caseId }));
    value(await h.call('approval:propose', tokens.chenjing!, { caseId, proposal: approve(amountFen) }));

    value(await h.call('case:claim', tokens.sunwei!, { caseId }));
    const first = value(await h.call('approval:confirm', tokens.sunwei!, { caseId, comment: '同意，需另一名高级审批员复核' }));
    expect(first.state).toBe('proposed');
    const again = await h.call('case:claim', tokens.sunwei!, { caseId });
    expect(!again.ok && again.error.code).toBe('sod-violation');
    expect(!again.ok && again.error.message).toBe('您已复核过该案件，需由另一名高级审批员复核');

    value(await h.call('case:claim', tokens.guoli!, { caseId }));
    expect(value(await h.call('approval:confirm', tokens.guoli!, { caseId })).state).toBe('approved');
    const detail = value(await h.call('case:get', tokens.zhouyan!, { caseId }));
    expect(detail.history.filter((e) => e.action === 'confirmed').map((e) => e.actorName)).toEqual(['孙伟', '郭丽']);
  });

  it('keeps a proposal in the history and the trail when the application is withdrawn: an event is added, nothing removed', async () => {
    const caseId = approvalCase(20 * WAN, 50 * WAN);
    value(await h.call('case:claim', tokens.liqiang!, { caseId }));
    value(await h.call('approval:propose', tokens.liqiang!, { caseId, proposal: approve(20 * WAN) }));
    const before = value(await h.call('audit:list', tokens.wugang!, { filter: { caseRef: caseId }, startRow: 0, endRow: 100 }));
    // The branch withdraws the application at the customer's request (intake's command, made here as the system).
    const system = actorOf(h.host.services.users.byId('system')!);
    expect(h.host.services.commands.execute(system, 'withdraw', { caseId, reason: '客户申请撤回' }).ok).toBe(true);
    const after = value(await h.call('audit:list', tokens.wugang!, { filter: { caseRef: caseId }, startRow: 0, endRow: 100 }));
    expect(after.total).toBe(before.total + 1);
    expect(after.rows.map((r) => r.seq)).toEqual(expect.arrayContaining(before.rows.map((r) => r.seq)));
    const detail = value(await h.call('case:get', tokens.zhouyan!, { caseId }));
    expect(detail.state).toBe('withdrawn');
    expect(detail.history.map((e) => e.action).slice(-2)).toEqual(['proposed', 'withdrawn']);
  });

  it('keeps the matrix version on old decisions after an admin edits the matrix', async () => {
    const before = value(await h.call('authority:get', tokens.admin!, {}));
    expect(before.current.version).toBe(1);
    expect(before.readOnly).toBeNull();
    // An officer reads the matrix that sets his limits; the page tells him only an administrator edits it.
    expect(value(await h.call('authority:get', tokens.liqiang!, {})).readOnly?.message).toBe('只有系统管理员可以修改审批权限表');
    const refused = await h.call('authority:update', tokens.zhouyan!, { basedOnVersion: 1, rules: before.current.rules, note: '主管越权修改' });
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    const rules = before.current.rules.map((r) => (r.role === 'officer' && r.product === '*' && r.riskGrade === '*' ? { ...r, maxAmountFen: 30 * WAN } : r));
    expect(value(await h.call('authority:update', tokens.admin!, { basedOnVersion: 1, rules, note: '下调审批员权限至30万' })).version).toBe(2);
    const after = value(await h.call('authority:get', tokens.admin!, {}));
    expect(after.versions.map((v) => v.version)).toEqual([2, 1]);

    const trail = value(await h.call('audit:list', tokens.wugang!, { filter: { action: 'confirmed' }, startRow: 0, endRow: 50 }));
    expect(trail.rows.length).toBeGreaterThan(0);
    expect(trail.rows.every((r) => r.details.matrixVersion === 1)).toBe(true);

    const caseId = approvalCase(30 * WAN + 1, 100 * WAN);
    const amount = value(await h.call('case:get', tokens.liqiang!, { caseId })).application.amountFen;
    value(await h.call('case:claim', tokens.liqiang!, { caseId }));
    value(await h.call('approval:propose', tokens.liqiang!, { caseId, proposal: approve(amount) }));
    const nowOfficerCannot = await h.call('case:claim', tokens.zhaolei!, { caseId });
    expect(!nowOfficerCannot.ok && nowOfficerCannot.error.code).toBe('forbidden');
    value(await h.call('case:claim', tokens.guoli!, { caseId }));
    value(await h.call('approval:confirm', tokens.guoli!, { caseId }));
    const history = value(await h.call('case:get', tokens.zhouyan!, { caseId })).history;
    expect(history.find((e) => e.action === 'confirmed')?.details.matrixVersion).toBe(2);
    expect(history.find((e) => e.action === 'proposed')?.details.matrixVersion).toBe(2);
  });

  it('lets an auditor filter by maker and checker and export CSV; refuses a clerk', async () => {
    const byMaker = value(await h.call('audit:list', tokens.wugang!, { filter: { makerId: 'u-officer-1', action: 'proposed' }, startRow: 0, endRow: 500 }));
    expect(byMaker.total).toBeGreaterThan(0);
    expect(byMaker.rows.every((r) => r.actorId === 'u-officer-1' && r.action === 'proposed')).toBe(true);
    const byChecker = value(await h.call('audit:list', tokens.wugang!, { filter: { checkerId: 'u-officer-2' }, startRow: 0, endRow: 500 }));
    expect(byChecker.rows.every((r) => r.action === 'confirmed' && r.actorId === 'u-officer-2')).toBe(true);
    const csv = value(await h.call('audit:exportCsv', tokens.wugang!, { filter: { checkerId: 'u-officer-2' } })).csv;
    expect(csv.startsWith('\uFEFF序号 seq,')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(byChecker.total + 1);
    const clerk = await h.call('audit:list', tokens.zhangmin!, { filter: {}, startRow: 0, endRow: 10 });
    expect(!clerk.ok && clerk.error.code).toBe('forbidden');
    expect(value(await h.call('audit:verify', tokens.wugang!, {})).ok).toBe(true);
  });

  it('filters the trail by date range: from inclusive, to exclusive, the same rows as counting the table', async () => {
    const db = new Database(h.dbFile, { readonly: true });
    const ats = (db.prepare('SELECT DISTINCT at FROM audit ORDER BY at').all() as { at: string }[]).map((r) => r.at);
    // A stretch of the trail well inside one page of the list (the list serves at most 500 rows at a time).
    const from = ats[Math.floor(ats.length / 2)]!;
    const to = ats[Math.floor(ats.length / 2) + 60]!;
    const { n } = db.prepare('SELECT count(*) AS n FROM audit WHERE at >= ? AND at < ?').get(from, to) as { n: number };
    db.close();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(500); // one page of the list
    const ranged = value(await h.call('audit:list', tokens.wugang!, { filter: { from, to }, startRow: 0, endRow: 500 }));
    expect(ranged.total).toBe(n);
    expect(ranged.rows.length).toBe(n);
    expect(ranged.rows.every((r) => r.at >= from && r.at < to)).toBe(true);
    expect(ranged.rows.some((r) => r.at === from)).toBe(true); // from is inclusive (to exclusive: the line above)
  });
});

describe('authority matrix edits are checked', () => {
  let h: TempHost;
  beforeAll(async () => {
    h = await tempHost({ cases: 20 });
  });
  afterAll(() => h.close());

  it('refuses a matrix naming the same band twice, a blank note and an edit of a version no longer in force; records who saved a version', async () => {
    const admin = await h.login('admin');
    const current = value(await h.call('authority:get', admin, {})).current;
    const dup = await h.call('authority:update', admin, { basedOnVersion: 1, rules: [...current.rules, current.rules[0]!], note: '重复档位' });
    expect(!dup.ok && dup.error.code).toBe('validation');
    expect(!dup.ok && dup.error.message).toContain('重复的档位');
    const blank = await h.call('authority:update', admin, { basedOnVersion: 1, rules: current.rules, note: '   ' });
    expect(!blank.ok && blank.error.code).toBe('validation');
    value(await h.call('authority:update', admin, { basedOnVersion: 1, rules: current.rules, note: '年度复核，无变化' }));
    // An edit begun on version 1 and saved after version 2 was made would undo version 2 unseen: refused.
    const stale = await h.call('authority:update', admin, { basedOnVersion: 1, rules: current.rules.slice(1), note: '基于旧版本的修改' });
    expect(!stale.ok && stale.error).toMatchObject({ code: 'conflict', details: { current: 2 } });
    expect(!stale.ok && stale.error.message).toContain('第 2 版');
    const versions = value(await h.call('authority:get', admin, {})).versions;
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ version: 2, createdBy: 'u-admin-1', createdByName: '系统管理员', note: '年度复核，无变化' });
    expect(value(await h.call('audit:verify', await h.login('wugang'), {})).ok).toBe(true);
  });
});
