import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredAuthority, UNGRADED, type AuthorityRule } from '../../shared/approval/authority';
import type { ApplicationData, CaseRecord } from '../../shared/domain/case';
import { editOf } from '../../shared/screening/policy-edit';
import { application } from '../../shared/screening/screening-fixtures';
import type { PushCommand } from '../../shared/sync/protocol';
import { makeCreditCode, makeIdNumber } from '../../shared/validators/generate';
import { startCentralServer } from '../../server/central-server';
import { PushService } from '../../server/commands/push-service';
import { openPostgres } from '../../server/db/postgres-db';
import { seedCentralDemo } from '../../server/demo/central-demo';
import { BACKENDS, startCentral, type TestCentral } from './support/central';
import { loggedIn } from './support/central-login';
import { startPostgres, type PgCluster } from './support/postgres';
import { syncHost, type SyncHost } from './support/sync-host';
import { tcpGate } from './support/tcp-gate';
import { value } from './support/temp-host';

let pg: PgCluster;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const WAN = 1_000_000;

describe.each(BACKENDS)('screening by the central server, seen on every desktop (%s)', (backend) => {
  let central: TestCentral;
  let clerkDesk: SyncHost;
  let officerDesk: SyncHost;
  let adminDesk: SyncHost;
  const t: Record<string, string> = {};
  let seq = 0;
  let adminClient: Awaited<ReturnType<typeof loggedIn>> | undefined;

  beforeAll(async () => {
    central = await startCentral(backend, backend === 'postgres' ? pg : null);
    await seedCentralDemo(central.db, { cases: 160, now: central.clock.now });
    await central.server.screening.screenPending(); // the demo cases seeded waiting in screening
    clerkDesk = syncHost(central.url, { clock: central.clock });
    officerDesk = syncHost(central.url, { clock: central.clock });
    adminDesk = syncHost(central.url, { clock: central.clock });
    t.zhangmin = await clerkDesk.login('zhangmin');
    t.zhouyan = await clerkDesk.login('zhouyan');
    t.liqiang = await officerDesk.login('liqiang');
    t.admin = await adminDesk.login('admin');
  });
  afterAll(async () => {
    for (const d of [clerkDesk, officerDesk, adminDesk]) d?.close();
    await central?.close();
  });

  /** A new application with known facts (the unit tests' clean one, its own applicant), submitted on the server. */
  async function submit(tweak: (d: ApplicationData) => ApplicationData = (d) => d): Promise<{ caseId: string; data: ApplicationData }> {
    seq += 1;
    const n = String(seq).padStart(4, '0');
    const birthDate = `1984-03-1${seq % 10}`;
    const base = application();
    const data = tweak({
      ...base,
      appNo: `CF202611248${n}`,
      applicant: { ...base.applicant, name: `同步${'甲乙丙丁戊己庚辛壬癸'[seq % 10]}${n}`, idNumber: makeIdNumber('321181', birthDate, 200 + seq), birthDate },
      enterprise: { ...base.enterprise!, name: `丹阳同步${n}五金制品有限公司`, creditCode: makeCreditCode('91', '321181', `MA2T${n}X`) },
    });
    const caseId = `c-sync-${backend}-${n}`;
    adminClient ??= await loggedIn(central.url, 'admin');
    const { client, token } = adminClient;
    const [r] = value(await client.push(token, [{ commandId: randomUUID(), name: 'submit', payload: { caseId, data }, createdAt: new Date(central.clock.now).toISOString() }])).results;
    expect(r!.status).toBe('accepted');
    return { caseId, data };
  }

  /** The clerk on desktop 1 takes the case and passes it on; the push reaches the server, which screens it. */
  async function passOnDesktop(caseId: string) {
    await clerkDesk.sync.syncNow();
    value(await clerkDesk.call('case:claim', t.zhangmin!, { caseId }));
    expect(value(await clerkDesk.call('case:passDocCheck', t.zhangmin!, { caseId, note: '资料齐全' })).state).toBe('screening');
    await clerkDesk.sync.syncNow();
    await central.server.screening.whenIdle();
  }

  async function serverScreenings(caseId: string) {
    const [r] = await central.db.query<{ results: number; commands: number; audit: number; state: string }>(
      `SELECT (SELECT count(*) FROM screening_results WHERE case_id = $1)::int AS results,
              (SELECT count(*) FROM commands WHERE case_id = $1 AND name = 'completeScreening' AND status = 'accepted')::int AS commands,
              (SELECT count(*) FROM audit WHERE case_id = $1 AND action = 'screeningCompleted')::int AS audit,
              (SELECT state FROM cases WHERE id = $1) AS state`,
      [caseId],
    );
    return r!;
  }

  async function importOnAdminDesk(text: string, fileName = '负面清单.csv') {
    const bytes = Buffer.from(text, 'utf8');
    const begun = value(await adminDesk.call('negativeList:begin', t.admin!, { fileName, sizeBytes: bytes.length }));
    expect(begun.report).toBeNull();
    for (let i = 0, k = 0; i < bytes.length; i += begun.chunkBytes, k++) {
      value(await adminDesk.call('negativeList:chunk', t.admin!, { uploadId: begun.uploadId, index: k, data: bytes.subarray(i, i + begun.chunkBytes).toString('base64') }));
    }
    return value(await adminDesk.call('negativeList:commit', t.admin!, { uploadId: begun.uploadId, encoding: 'auto' }));
  }

  it('screens the demo cases seeded waiting in screening, some of them referred for a negative-list hit', async () => {
    const [waiting] = await central.db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE state = 'screening'");
    expect(waiting!.n).toBe(0);
    const [hits] = await central.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM screening_results r JOIN cases c ON c.id = r.case_id
        WHERE r.outcome = 'investigation' AND c.state = 'investigation'
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(r.result->'rules') x WHERE x->>'ruleId' = 'R001' AND (x->>'fired')::boolean)`,
    );
    expect(hits!.n).toBeGreaterThan(0);
    const [listed] = await central.db.query<{ n: number }>('SELECT count(*)::int AS n FROM negative_list');
    expect(listed!.n).toBeGreaterThanOrEqual(2_000);
  });

  it('a clerk passes a case on one desktop; the server screens it; another desktop shows it in the approval queue with its result', async () => {
    const { caseId, data } = await submit();
    await passOnDesktop(caseId);
    expect(await serverScreenings(caseId)).toEqual({ results: 1, commands: 1, audit: 1, state: 'approval' });

    await officerDesk.sync.syncNow();
    const queue = value(await officerDesk.call('queue:list', t.liqiang!, { queue: 'approval_retail', startRow: 0, endRow: 50, filter: { search: data.appNo } }));
    expect(queue.rows.map((r) => r.id)).toEqual([caseId]);
    const d = value(await officerDesk.call('case:get', t.liqiang!, { caseId }));
    expect(d).toMatchObject({ state: 'approval', riskGrade: 'B' });
    expect(d.history.at(-1)).toMatchObject({ action: 'screeningCompleted', actorName: '系统', toState: 'approval' });
    const s = value(await officerDesk.call('screening:get', t.liqiang!, { caseId }));
    const [server] = await central.db.query<{ id: number }>('SELECT id FROM screening_results WHERE case_id = $1', [caseId]);
    expect(s.result).toMatchObject({ id: Number(server!.id), ruleSetVersion: 1, outcome: 'approval', team: 'retail', riskGrade: 'B' });
    expect(s.result!.rules.every((r) => r.result === 'pass')).toBe(true);
    expect(s.result!.limit).toMatchObject({ modelFen: 20 * WAN, limitFen: 20 * WAN });
    expect(s.result!.limit.steps[0]!.formula).toBe('¥400,000.00 × 50.00% = ¥200,000.00');
    expect(s.result!.price).toMatchObject({ rateBp: 550, quotaExempt: false });
    expect(s.effective).toEqual({ limitFen: 20 * WAN, rateBp: 550, limitOverridden: false, rateOverridden: false });

    // The clerk's desktop has the same result once it pulls; every desktop's audit chain stays whole.
    await clerkDesk.sync.syncNow();
    expect(value(await clerkDesk.call('screening:get', t.zhouyan!, { caseId })).result?.id).toBe(Number(server!.id));
    for (const desk of [clerkDesk, officerDesk]) expect(desk.host.services.audit.verify().ok).toBe(true);
  });

  it("an officer's override made on one desktop is shown on the others", async () => {
    const { caseId } = await submit((d) => ({ ...d, amountFen: 150 * WAN }));
    await passOnDesktop(caseId);
    await officerDesk.sync.syncNow();
    value(await officerDesk.call('case:claim', t.liqiang!, { caseId }));
    value(await officerDesk.call('screening:override', t.liqiang!, { caseId, rateBp: 540, reason: '综合贡献度高，下调利率' }));
    await officerDesk.sync.syncNow();
    const [accepted] = await central.db.query<{ n: number }>("SELECT count(*)::int AS n FROM commands WHERE case_id = $1 AND name = 'overrideScreening' AND status = 'accepted'", [caseId]);
    expect(accepted!.n).toBe(1);
    await clerkDesk.sync.syncNow();
    const s = value(await clerkDesk.call('screening:get', t.zhouyan!, { caseId }));
    expect(s.overrides).toEqual([expect.objectContaining({ rateBp: 540, limitFen: null, reason: '综合贡献度高，下调利率', actorName: '李强' })]);
    expect(s.effective).toMatchObject({ rateBp: 540, rateOverridden: true, limitOverridden: false });

    // A modified desktop cannot widen its authority with the baseline it sends: the server measures a pushed
    // override against its own result, policy and earlier overrides, whatever baseline comes with it.
    const { client, token } = await loggedIn(central.url, 'liqiang');
    const [server] = await central.db.query<{ id: string }>('SELECT id::text AS id FROM screening_results WHERE case_id = $1', [caseId]);
    const forged = { resultId: 999, ruleSetVersion: 1, modelLimitFen: 150 * WAN, modelRateBp: 3000, currentLimitFen: 1, currentRateBp: 3000, floorBp: 0, rateCutBp: { officer: 3000, senior_officer: 3000 } };
    const pushOverride = async (payload: Record<string, unknown>) => {
      const commandId = randomUUID();
      const [r] = value(await client.push(token, [{ commandId, name: 'overrideScreening', payload, createdAt: new Date(central.clock.now).toISOString() }])).results;
      return { commandId, r: r! };
    };
    const cut = await pushOverride({ caseId, rateBp: 300, reason: '伪造基准大幅下调利率', baseline: forged });
    expect(cut.r).toMatchObject({ status: 'rejected', error: { code: 'validation' } }); // below the server's floor
    const wide = await pushOverride({ caseId, rateBp: 500, reason: '伪造基准下调利率', baseline: forged });
    expect(wide.r).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } }); // beyond an officer's rate cut
    const fair = await pushOverride({ caseId, rateBp: 545, reason: '复核后微调利率', baseline: forged });
    expect(fair.r.status).toBe('accepted');
    const [entry] = await central.db.query<{ details: string }>('SELECT details FROM audit WHERE command_id = $1', [fair.commandId]);
    expect(JSON.parse(entry!.details)).toMatchObject({ resultId: Number(server!.id), ruleSetVersion: 1, values: { rateFromBp: 540, rateToBp: 545 } });
    const [refusedStored] = await central.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit WHERE command_id = ANY($1)', [[cut.commandId, wide.commandId]]);
    expect(refusedStored!.n).toBe(0);
    // Without a screening result on the server there is nothing to override, whatever the desktop says.
    const { caseId: unscreened } = await submit();
    const none = await pushOverride({ caseId: unscreened, rateBp: 545, reason: '没有筛查结果', baseline: forged });
    expect(none.r).toMatchObject({ status: 'rejected', error: { code: 'not-found' } });

    // Nor can anyone push a screening outcome, not even an administrator: only the server screens.
    const admin = await loggedIn(central.url, 'admin');
    const [state] = await central.db.query<{ state: string; version: number }>('SELECT state, version FROM cases WHERE id = $1', [unscreened]);
    const [outcome] = value(
      await admin.client.push(admin.token, [
        { commandId: randomUUID(), name: 'completeScreening', payload: { caseId: unscreened, outcome: 'approval', riskGrade: 'A' }, createdAt: new Date(central.clock.now).toISOString() },
      ]),
    ).results;
    expect(outcome).toMatchObject({ status: 'rejected', error: { code: 'forbidden', message: '筛查结论只能由中央服务器得出，不能由桌面端提交' } });
    expect((await central.db.query('SELECT state, version FROM cases WHERE id = $1', [unscreened]))[0]).toEqual(state);
  });

  it('a negative list imported by the admin of a synced desktop goes to the server, and an applicant on it ends in investigation with the hit shown', async () => {
    const { caseId, data } = await submit();
    const localBefore = adminDesk.host.services.screening.negativeList.count();
    const before = value(await adminDesk.call('negativeList:summary', t.admin!, {}));
    const report = await importOnAdminDesk(
      [
        '姓名,身份证号,原因,来源,列入日期',
        `${data.applicant.name},${data.applicant.idNumber},法院失信被执行人,最高人民法院,2025-03-01`,
        '坏行,123,伪造材料,本行,2025-03-01',
        `${data.applicant.name},${data.applicant.idNumber},重复,本行,2025-03-01`,
      ].join('\r\n'),
    );
    expect(report).toMatchObject({ imported: true, encoding: 'utf-8', totalRows: 3, accepted: 1, rejected: 2, listSize: before.total + 1 });
    expect(report.rejectedRows.map((r) => [r.line, r.problem])).toEqual([
      [3, 'invalid_id_number'],
      [4, 'duplicate_in_file'],
    ]);
    // On the server, not in the desktop's own store (which screens nothing while synced).
    expect(adminDesk.host.services.screening.negativeList.count()).toBe(localBefore);
    const after = value(await adminDesk.call('negativeList:summary', t.admin!, {}));
    expect(after.total).toBe(before.total + 1);
    expect(after.imports[0]).toMatchObject({ fileName: '负面清单.csv', accepted: 1, rejected: 2, createdBy: 'u-admin-1' });

    // The same entry again: reported as already listed, by line, and not doubled.
    const again = await importOnAdminDesk(`身份证号,原因\r\n${data.applicant.idNumber},再次列入\r\n`, 'again.csv');
    expect(again).toMatchObject({ imported: true, accepted: 0, rejected: 1, byProblem: { already_listed: 1 }, listSize: before.total + 1 });
    expect(again.rejectedRows).toEqual([expect.objectContaining({ line: 2, problem: 'already_listed', message: '已在负面清单中' })]);

    await passOnDesktop(caseId);
    expect(await serverScreenings(caseId)).toEqual({ results: 1, commands: 1, audit: 1, state: 'investigation' });
    await officerDesk.sync.syncNow();
    const s = value(await officerDesk.call('screening:get', t.liqiang!, { caseId }));
    expect(s.caseState).toBe('investigation');
    const hit = s.result!.rules.find((r) => r.ruleId === 'R001')!;
    expect(hit).toMatchObject({ fired: true, result: 'refer' });
    const masked = data.applicant.idNumber.slice(0, 4) + '**********' + data.applicant.idNumber.slice(-4);
    expect(hit.evidence.matches).toEqual([
      expect.objectContaining({ party: 'applicant', key: 'id_number', maskedValue: masked, reason: '法院失信被执行人', source: '最高人民法院' }),
    ]);
    expect(JSON.stringify(s.result)).not.toContain(data.applicant.idNumber);
    const work = value(await officerDesk.call('queue:list', t.liqiang!, { queue: 'investigation', startRow: 0, endRow: 50, filter: { search: data.appNo } }));
    expect(work.rows.map((r) => r.id)).toEqual([caseId]);
    // The hit as the history records it, in Chinese and, line for line, in English.
    const screened = value(await officerDesk.call('case:get', t.liqiang!, { caseId })).history.at(-1)!;
    expect(screened.details).toMatchObject({ reasons: [expect.stringMatching(/^R001 .*: 命中负面清单/)], reasonsEn: [expect.stringMatching(/^R001 .*: On the negative list/)] });
  });

  it('screens a case once: a repeated push, a second sweep and a restarted server leave it as it is', async () => {
    const { caseId } = await submit();
    await passOnDesktop(caseId);
    const once = await serverScreenings(caseId);
    expect(once).toEqual({ results: 1, commands: 1, audit: 1, state: 'approval' });
    const [pass] = await central.db.query<{ command_id: string }>("SELECT command_id FROM commands WHERE case_id = $1 AND name = 'passDocCheck'", [caseId]);
    const { client, token } = await loggedIn(central.url, 'zhangmin');
    const again = value(await client.push(token, [{ commandId: pass!.command_id, name: 'passDocCheck', payload: { caseId, note: '资料齐全' }, createdAt: new Date(central.clock.now).toISOString() }]));
    expect(again.results[0]).toMatchObject({ status: 'accepted' });
    await central.server.screening.whenIdle();
    expect(await central.server.screening.screenCases([caseId])).toBe(0);
    expect(await central.server.screening.screenPending()).toBe(0);

    // A case left in screening by a push whose screening never ran (the server stopped in between) …
    const left = await submit();
    const session = await central.server.auth.authenticate(`Bearer ${token}`);
    if (!session.ok) throw new Error(session.error.messageEn);
    const bare = new PushService({ db: central.db, config: central.server.config }); // no screening after it
    const cmd = (name: PushCommand['name'], payload: Record<string, unknown>): PushCommand => ({ commandId: randomUUID(), name, payload, createdAt: new Date(central.clock.now).toISOString() });
    const r = await bare.push(session.value, [cmd('claim', { caseId: left.caseId }), cmd('passDocCheck', { caseId: left.caseId })]);
    expect(r.map((o) => o.status)).toEqual(['accepted', 'accepted']);
    expect((await serverScreenings(left.caseId)).state).toBe('screening');

    // … is screened when a server starts on the database; screened cases are not screened again.
    const restarted = await startCentralServer({ db: central.db, config: { leaseSweepMs: 0, now: () => central.clock.now } });
    try {
      await restarted.startup;
      expect(await serverScreenings(left.caseId)).toEqual({ results: 1, commands: 1, audit: 1, state: 'approval' });
      expect(await serverScreenings(caseId)).toEqual(once);
    } finally {
      await restarted.close();
    }
    await officerDesk.sync.syncNow();
    expect(value(await officerDesk.call('screening:get', t.liqiang!, { caseId: left.caseId })).result?.outcome).toBe('approval');
  });

  it('two server instances sweeping the same waiting cases at once screen each of them once', async () => {
    const waiting = await Promise.all(Array.from({ length: 30 }, () => submit()));
    const ids = waiting.map((w) => w.caseId);
    const { token } = await loggedIn(central.url, 'wangfang');
    const session = await central.server.auth.authenticate(`Bearer ${token}`);
    if (!session.ok) throw new Error(session.error.messageEn);
    const at = new Date(central.clock.now).toISOString();
    const commands = ids.flatMap((caseId): PushCommand[] => [
      { commandId: randomUUID(), name: 'claim', payload: { caseId }, createdAt: at },
      { commandId: randomUUID(), name: 'passDocCheck', payload: { caseId }, createdAt: at },
    ]);
    const pushed = await new PushService({ db: central.db, config: central.server.config }).push(session.value, commands);
    expect(pushed.every((o) => o.status === 'accepted')).toBe(true);

    // A second instance on the same database (its own connection pool on PostgreSQL), starting meanwhile.
    const secondDb = backend === 'postgres' ? openPostgres({ url: central.dbUrl!, maxConnections: 8 }) : central.db;
    const second = await startCentralServer({ db: secondDb, config: { leaseSweepMs: 0, now: () => central.clock.now } });
    try {
      const counts = await Promise.all([
        central.server.screening.screenPending(),
        second.screening.screenPending(),
        central.server.screening.screenCases(ids),
        second.screening.screenCases(ids.slice().reverse()),
      ]);
      await second.startup;
      expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(ids.length);
      const rows = await central.db.query<{ id: string; state: string; results: number; commands: number; audit: number }>(
        `SELECT c.id, c.state,
           (SELECT count(*) FROM screening_results r WHERE r.case_id = c.id)::int AS results,
           (SELECT count(*) FROM commands k WHERE k.case_id = c.id AND k.name = 'completeScreening')::int AS commands,
           (SELECT count(*) FROM audit a WHERE a.case_id = c.id AND a.action = 'screeningCompleted')::int AS audit
         FROM cases c WHERE c.id = ANY($1)`,
        [ids],
      );
      expect(rows).toHaveLength(ids.length);
      for (const r of rows) expect(r).toMatchObject({ state: 'approval', results: 1, commands: 1, audit: 1 });
    } finally {
      await second.close();
      if (secondDb !== central.db) await secondDb.close();
    }
  });

  it('keeps the negative list and the rules to administrators; a rule edit on a synced desktop is saved on the server and screens from then on', async () => {
    const clerk = await clerkDesk.call('negativeList:summary', t.zhangmin!, {});
    expect(!clerk.ok && clerk.error.code).toBe('forbidden');
    const { token } = await loggedIn(central.url, 'zhangmin');
    const direct = await fetch(`${central.url}/v1/negative-list/begin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ fileName: 'x.csv', sizeBytes: 10 }),
    });
    expect(direct.status).toBe(403);
    const admin = await loggedIn(central.url, 'admin');
    const bad = await fetch(`${central.url}/v1/negative-list/begin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ fileName: 'x.csv', sizeBytes: 10, actorId: 'u-clerk-1' }),
    });
    expect(bad.status).toBe(400);
    const huge = await fetch(`${central.url}/v1/negative-list/chunk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ uploadId: randomUUID(), index: 0, data: 'A'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    const tooLarge = value(await adminDesk.call('negativeList:begin', t.admin!, { fileName: 'huge.csv', sizeBytes: 200 * 1024 * 1024 }));
    expect(tooLarge).toMatchObject({ uploadId: '', report: { imported: false, fatal: { code: 'too_large' } } });
    // The refusal is listed with its reason in both languages.
    const refusedList = value(await adminDesk.call('negativeList:summary', t.admin!, {}));
    expect(refusedList.imports[0]).toMatchObject({ fileName: 'huge.csv', fatal: expect.stringContaining('too large'), fatalZh: expect.stringContaining('上限 64.0 MB') });

    // The rules page shows the server's versions, and an administrator's edit is saved there.
    const rules = value(await adminDesk.call('screening:rules', t.admin!, {}));
    expect(rules).toMatchObject({ current: { version: 1 }, readOnly: null });
    const versionsBefore = (await central.db.query<{ n: number }>('SELECT count(*)::int AS n FROM screening_rule_sets'))[0]!.n;
    const edit = editOf(rules.current.policy);
    expect(value(await adminDesk.call('screening:updateRules', t.admin!, { basedOnVersion: 1, note: '年度复核', edit }))).toEqual({ version: 2 });
    const [saved] = await central.db.query<{ created_by: string; note: string }>('SELECT created_by, note FROM screening_rule_sets WHERE version = 2');
    expect(saved).toEqual({ created_by: 'u-admin-1', note: '年度复核' });
    expect(adminDesk.host.services.screening.rules.current().version).toBe(1); // the desktop's own copy screens nothing
    const seen = value(await officerDesk.call('screening:rules', t.liqiang!, {}));
    expect(seen.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(seen.current).toMatchObject({ version: 2, note: '年度复核', createdBy: 'u-admin-1' });
    expect(seen.readOnly?.message).toBe('只有系统管理员可以修改筛查规则'); // an officer reads them only
    expect(value(await officerDesk.call('screening:ruleSet', t.liqiang!, { version: 2 })).policy).toEqual(rules.current.policy);
    expect(await clerkDesk.call('screening:rules', t.zhangmin!, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Refused with nothing stored: an edit of a version no longer the newest, an officer, bad input.
    const stale = await adminDesk.call('screening:updateRules', t.admin!, { basedOnVersion: 1, note: '基于旧版本', edit });
    expect(!stale.ok && stale.error.code).toBe('conflict');
    const byOfficer = await officerDesk.call('screening:updateRules', t.liqiang!, { basedOnVersion: 2, note: '审批员修改', edit });
    expect(!byOfficer.ok && byOfficer.error.code).toBe('forbidden');
    const officer = await loggedIn(central.url, 'liqiang');
    const post = (token: string, body: unknown) =>
      fetch(`${central.url}/v1/screening/rules`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    expect((await post(officer.token, { basedOnVersion: 2, note: '审批员修改', edit })).status).toBe(403);
    expect((await post(admin.token, { basedOnVersion: 2, note: '多余字段', edit, createdBy: 'u-officer-1' })).status).toBe(400);
    expect((await post(admin.token, { basedOnVersion: 2, note: '坏参数', edit: { ...edit, rules: 'all' } })).status).toBe(400);
    expect((await fetch(`${central.url}/v1/screening/rules/abc`, { headers: { authorization: `Bearer ${admin.token}` } })).status).toBe(400);
    expect((await fetch(`${central.url}/v1/screening/rules/99`, { headers: { authorization: `Bearer ${admin.token}` } })).status).toBe(404);
    expect((await central.db.query<{ n: number }>('SELECT count(*)::int AS n FROM screening_rule_sets'))[0]!.n).toBe(versionsBefore + 1);

    // In force from the server's next screening: a case passed on now is screened by version 2, and the
    // desktops keep that version with the result.
    const { caseId } = await submit();
    await passOnDesktop(caseId);
    await officerDesk.sync.syncNow();
    expect(value(await officerDesk.call('screening:get', t.liqiang!, { caseId })).result?.ruleSetVersion).toBe(2);
    expect(officerDesk.host.services.screening.rules.version(2)?.note).toBe('年度复核');
  });

  it("shows a synced desktop the authority matrix the server decides by; an administrator's edit is saved there and is in force at once", async () => {
    // A version made on the server (the desktops' own copies stay at version 1).
    const [{ rules }] = (await central.db.query<{ rules: unknown }>('SELECT rules FROM authority_matrix WHERE version = 1')) as [{ rules: unknown }];
    await central.db.query("INSERT INTO authority_matrix (version, rules, note, created_by, created_at) VALUES (2, $1, '总行调整', 'u-admin-1', $2)", [
      JSON.stringify(rules),
      new Date(central.clock.now).toISOString(),
    ]);
    for (const [desk, token] of [
      [adminDesk, t.admin!],
      [officerDesk, t.liqiang!],
    ] as const) {
      const seen = value(await desk.call('authority:get', token, {}));
      expect(seen.current).toMatchObject({ version: 2, note: '总行调整', createdBy: 'u-admin-1' });
      expect(seen.versions.map((v) => v.version)).toEqual([2, 1]);
      expect(seen.versions[1]!.createdByName).toBe('系统');
      // The administrator edits it; an officer reads it only.
      expect(seen.readOnly?.messageEn ?? null).toBe(desk === adminDesk ? null : 'Only an administrator may edit the authority matrix');
    }
    // A clerk may not read it, from the desktop or from the server itself.
    expect(await clerkDesk.call('authority:get', t.zhangmin!, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const clerk = await loggedIn(central.url, 'zhangmin');
    const direct = await fetch(`${central.url}/v1/authority`, { headers: { authorization: `Bearer ${clerk.token}` } });
    expect(direct.status).toBe(403);

    // A proposal an officer may confirm under version 2 (and the case free to claim).
    const matrixV2 = value(await adminDesk.call('authority:get', t.admin!, {})).current.rules;
    const candidates = await central.db.query<{ id: string; record: CaseRecord }>(
      `SELECT id, record FROM cases WHERE state = 'proposed' AND assignee_id IS NULL AND proposal_by <> 'u-officer-2' ORDER BY id`,
    );
    const officerMay = (matrix: AuthorityRule[], c: CaseRecord) =>
      c.proposal?.decision === 'approve' &&
      requiredAuthority({ version: 0, rules: matrix }, c.data.productCode, c.riskGrade ?? UNGRADED, c.proposal.amountFen!) === 'officer';
    const target = candidates.find((c) => c.record.team === 'retail' && c.record.proposal!.amountFen! > 10 * WAN && officerMay(matrixV2, c.record));
    expect(target).toBeDefined();

    // The administrator lowers every officer band to 10万 from his desktop: saved on the server as version 3.
    const lowered = matrixV2.map((r) => (r.role === 'officer' ? { ...r, maxAmountFen: 10 * WAN } : r));
    expect(value(await adminDesk.call('authority:update', t.admin!, { basedOnVersion: 2, rules: lowered, note: '审批员权限下调至10万' }))).toEqual({ version: 3 });
    const [saved] = await central.db.query<{ created_by: string; note: string; rules: unknown }>('SELECT created_by, note, rules FROM authority_matrix WHERE version = 3');
    expect(saved).toEqual({ created_by: 'u-admin-1', note: '审批员权限下调至10万', rules: lowered });
    expect(adminDesk.host.services.authority.current().version).toBe(1); // the desktop's own copy is not the one in force
    expect(value(await officerDesk.call('authority:get', t.liqiang!, {})).current).toMatchObject({ version: 3, createdByName: '系统管理员' });
    // In force at once: the server no longer gives that proposal to an officer to confirm.
    const zhaolei = await officerDesk.login('zhaolei');
    const refusedClaim = await officerDesk.call('case:claim', zhaolei, { caseId: target!.id });
    expect(!refusedClaim.ok && refusedClaim.error).toMatchObject({ code: 'forbidden', details: { matrixVersion: 3 } });
    expect(!refusedClaim.ok && refusedClaim.error.message).toContain('审批权限');
    expect((await central.db.query<{ assignee_id: string | null }>('SELECT assignee_id FROM cases WHERE id = $1', [target!.id]))[0]!.assignee_id).toBeNull();

    // Refused, with nothing stored: an edit of a version no longer the newest, a band named twice, an officer
    // (on his desktop and straight at the server), bad input.
    const count = async () => (await central.db.query<{ n: number }>('SELECT count(*)::int AS n FROM authority_matrix'))[0]!.n;
    const stale = await adminDesk.call('authority:update', t.admin!, { basedOnVersion: 2, rules: matrixV2, note: '基于第2版的修改' });
    expect(!stale.ok && stale.error).toMatchObject({ code: 'conflict', details: { current: 3 } });
    expect(!stale.ok && stale.error.message).toContain('第 3 版');
    const twice = await adminDesk.call('authority:update', t.admin!, { basedOnVersion: 3, rules: [...lowered, lowered[0]!], note: '重复档位' });
    expect(!twice.ok && twice.error.code).toBe('validation');
    const byOfficer = await officerDesk.call('authority:update', t.liqiang!, { basedOnVersion: 3, rules: matrixV2, note: '审批员自行修改' });
    expect(!byOfficer.ok && byOfficer.error.code).toBe('forbidden');
    const officer = await loggedIn(central.url, 'liqiang');
    const post = (token: string, body: unknown) =>
      fetch(`${central.url}/v1/authority`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    expect((await post(officer.token, { basedOnVersion: 3, rules: matrixV2, note: '审批员自行修改' })).status).toBe(403);
    const admin = await loggedIn(central.url, 'admin');
    expect((await post(admin.token, { basedOnVersion: 3, rules: [...lowered, lowered[0]!], note: '重复档位' })).status).toBe(400);
    expect((await post(admin.token, { basedOnVersion: 3, rules: [{ ...lowered[0]!, maxAmountFen: -1 }], note: '负数' })).status).toBe(400);
    expect((await post(admin.token, { basedOnVersion: 3, rules: lowered, note: '多余字段', createdBy: 'u-officer-1' })).status).toBe(400);
    expect(await count()).toBe(3);

    // Offline, the page says where the matrix is instead of showing a copy that may not be in force.
    const gate = await tcpGate(central.url);
    const desk = syncHost(gate.url, { clock: central.clock });
    try {
      const adminToken = await desk.login('admin');
      expect(value(await desk.call('authority:get', adminToken, {})).current.version).toBe(3);
      gate.cut();
      const offline = await desk.call('authority:get', adminToken, {});
      expect(offline).toMatchObject({ ok: false, error: { code: 'offline' } });
      expect(!offline.ok && offline.error.message).toContain('离线');
      const offlineEdit = await desk.call('authority:update', adminToken, { basedOnVersion: 3, rules: lowered, note: '离线修改' });
      expect(offlineEdit).toMatchObject({ ok: false, error: { code: 'offline' } });
      expect(desk.host.services.authority.current().version).toBe(1);
      expect(await count()).toBe(3);
    } finally {
      desk.close();
      await gate.stop();
    }
  });
});
