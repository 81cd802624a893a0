import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actorOf } from '../../electron/host/auth/auth-service';
import { BlobStore } from '../../electron/host/documents/blob-store';
import { seedCentralDemo } from '../../server/demo/central-demo';
import { BACKENDS, startCentral, type TestCentral } from './support/central';
import { loggedIn } from './support/central-login';
import { startPostgres, type PgCluster } from './support/postgres';
import { syncHost } from './support/sync-host';
import { tcpGate } from './support/tcp-gate';
import { value } from './support/temp-host';

let pg: PgCluster;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const LEASE_MS = 10 * 60_000;

describe.each(BACKENDS)('desktops with separate SQLite files syncing through one central server (%s)', (backend) => {
  let central: TestCentral;
  const open: { close(): void }[] = [];
  const gates: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    central = await startCentral(backend, backend === 'postgres' ? pg : null, { leaseMs: LEASE_MS });
    await seedCentralDemo(central.db, { cases: 300, now: central.clock.now });
  });
  afterAll(async () => {
    for (const h of open) h.close();
    for (const g of gates) await g.stop();
    await central.close();
  });

  /** A desktop; `gated` puts a cuttable relay between it and the server. */
  async function desktop(opts: { gated?: boolean; clock?: { now: number } } = {}) {
    let url = central.url;
    let gate: Awaited<ReturnType<typeof tcpGate>> | null = null;
    if (opts.gated) {
      gate = await tcpGate(central.url);
      gates.push(gate);
      url = gate.url;
    }
    const h = syncHost(url, { clock: opts.clock ?? central.clock });
    open.push(h);
    return Object.assign(h, { gate });
  }

  async function serverCase(id: string) {
    const [row] = await central.db.query<{ state: string; assignee_id: string | null; version: number }>(
      'SELECT state, assignee_id, version FROM cases WHERE id = $1',
      [id],
    );
    return row!;
  }

  /** The supervisor reassigns a case on the server (from his own desktop, say), accepted. */
  async function supervisorAssigns(caseId: string, assigneeId: string) {
    const supervisor = await loggedIn(central.url, 'zhouyan');
    const payload = { caseId, assigneeId, reason: '请处理此件' };
    const [assigned] = value(await supervisor.client.push(supervisor.token, [{ commandId: randomUUID(), name: 'assign', payload, createdAt: new Date(central.clock.now).toISOString() }])).results;
    expect(assigned!.status).toBe('accepted');
  }

  /** 张敏 (beside 王芳, whose token pulls) claims a case, loses his server token, and releases it: the release waits. */
  async function releasedWithoutToken() {
    const d = await desktop();
    const clerk = await d.login('zhangmin');
    await d.login('wangfang');
    const claimed = value(await d.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    d.sync.tokens.drop('u-clerk-1');
    value(await d.call('case:release', clerk, { caseId: claimed.caseId }));
    return { d, clerk, claimed };
  }

  /** How many times the server accepted a pushed command of this name for the case. */
  async function accepted(caseId: string, name: string): Promise<number> {
    const [row] = await central.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM commands WHERE case_id = $1 AND name = $2 AND status = 'accepted'",
      [caseId, name],
    );
    return row!.n;
  }

  it('pulls the whole factory into a new desktop and shows a command made on one desktop on the others', async () => {
    const a = await desktop();
    const b = await desktop();
    const c = await desktop();
    const clerkA = await a.login('zhangmin');
    await b.login('wangfang');
    const supervisor = await c.login('zhouyan');
    const [{ n }] = await central.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    expect(a.host.services.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n });

    const claimed = value(await a.call('queue:claimNext', clerkA, { queue: 'doc_check' }));
    expect(claimed.assigneeName).toBe('张敏');
    value(await a.call('case:passDocCheck', clerkA, { caseId: claimed.caseId, note: '资料齐全' }));
    await a.sync.syncNow();
    // The server screens the case the push left in `screening` (sync-screening.test.ts tells the rest).
    await central.server.screening.whenIdle();
    const screened = (await serverCase(claimed.caseId)).state;
    expect(['approval', 'investigation', 'declined']).toContain(screened);

    await b.sync.syncNow();
    await c.sync.syncNow();
    expect(b.host.services.cases.get(claimed.caseId)!.state).toBe(screened);
    const seen = value(await c.call('case:get', supervisor, { caseId: claimed.caseId }));
    expect(seen.state).toBe(screened);
    const recent = seen.history.slice(-3).map((e) => [e.action, e.actorName]);
    expect(recent).toEqual([
      ['claimed', '张敏'],
      ['docCheckPassed', '张敏'],
      ['screeningCompleted', '系统'],
    ]);
    // Each desktop's own audit chain stays intact with the server's entries appended to it.
    for (const d of [a, b, c]) expect(d.host.services.audit.verify().ok).toBe(true);
  });

  it('refuses to claim while offline, saying why, and sends the offline work when the connection is back', async () => {
    const a = await desktop({ gated: true });
    const b = await desktop();
    const clerk = await a.login('zhangmin');
    const other = await b.login('wangfang');
    const held = value(await a.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    a.gate!.cut();

    const refused = await a.call('queue:claimNext', clerk, { queue: 'doc_check' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('offline');
    expect(refused.error.message).toContain('离线');
    const status = value(await a.call('sync:status', clerk, {}));
    expect(status.online).toBe(false);

    // Offline work that needs no server decision is kept and queued.
    value(await a.call('case:release', clerk, { caseId: held.caseId }));
    expect(value(await a.call('sync:status', clerk, {})).pendingCommands).toBe(1);
    expect((await serverCase(held.caseId)).assignee_id).toBe('u-clerk-1');

    a.gate!.restore();
    await a.sync.syncNow();
    const after = value(await a.call('sync:status', clerk, {}));
    expect(after).toMatchObject({ online: true, pendingCommands: 0, rejectedCommands: 0 });
    expect(await serverCase(held.caseId)).toMatchObject({ state: 'submitted', assignee_id: null });
    await b.sync.syncNow();
    expect(value(await b.call('case:claim', other, { caseId: held.caseId })).assigneeName).toBe('王芳');
  });

  it('two offline desktops claim the same case: the server accepts one, refuses the other in plain words, and the loser converges', async () => {
    const one = await desktop({ gated: true });
    const two = await desktop({ gated: true });
    await one.login('zhangmin');
    const t2 = await two.login('wangfang');
    const [{ id }] = await central.db.query<{ id: string }>("SELECT id FROM cases WHERE state = 'submitted' AND assignee_id IS NULL ORDER BY id LIMIT 1");
    one.gate!.cut();
    two.gate!.cut();
    // The UI refuses offline claims; a client that still sends one (an older build, a script) is decided
    // by the server all the same. Both go through each desktop's own command path.
    const zhang = actorOf(one.host.services.users.byUsername('zhangmin')!);
    const wang = actorOf(two.host.services.users.byUsername('wangfang')!);
    expect(one.host.services.commands.execute(zhang, 'claim', { caseId: id }).ok).toBe(true);
    expect(two.host.services.commands.execute(wang, 'claim', { caseId: id }).ok).toBe(true);

    one.gate!.restore();
    await one.sync.syncNow();
    two.gate!.restore();
    await two.sync.syncNow();

    expect(await serverCase(id)).toMatchObject({ state: 'doc_check', assignee_id: 'u-clerk-1' });
    expect(await accepted(id, 'claim')).toBe(1);
    const rejected = value(await two.call('sync:rejected', t2, {})).items;
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ caseId: id, command: 'claim', code: 'conflict', message: '该案件已被 张敏 领取', actorName: '王芳' });
    const loser = two.host.services.cases.get(id)!;
    expect(loser.assigneeName).toBe('张敏');
    expect(loser.version).toBe((await serverCase(id)).version);
    expect(value(await two.call('sync:status', t2, {})).pendingCommands).toBe(0);
  });

  it('the same officer confirms one proposal from two offline machines: one confirmation counts, the other is refused', async () => {
    const [row] = await central.db.query<{ id: string }>(
      `SELECT id FROM cases WHERE state = 'proposed' AND assignee_id IS NULL AND team = 'retail' AND proposal_by <> 'u-senior-1'
         AND NOT (record->'checkers' ? 'u-senior-1') AND record->'proposal'->>'required' <> 'two_seniors' ORDER BY id LIMIT 1`,
    );
    const id = row!.id;
    const one = await desktop({ gated: true });
    const two = await desktop({ gated: true });
    const s1 = await one.login('sunwei');
    const s2 = await two.login('sunwei');
    value(await one.call('case:claim', s1, { caseId: id }));
    await two.sync.syncNow();
    expect(two.host.services.cases.get(id)!.assigneeId).toBe('u-senior-1');

    one.gate!.cut();
    two.gate!.cut();
    const senior = actorOf(one.host.services.users.byUsername('sunwei')!);
    expect(one.host.services.commands.execute(senior, 'confirm', { caseId: id, comment: '同意' }).ok).toBe(true);
    expect(two.host.services.commands.execute(senior, 'confirm', { caseId: id, comment: '同意' }).ok).toBe(true);
    one.gate!.restore();
    two.gate!.restore();
    await one.sync.syncNow();
    await two.sync.syncNow();

    const server = await serverCase(id);
    expect(server.state).toBe('approved');
    expect(await accepted(id, 'confirm')).toBe(1);
    const refused = value(await two.call('sync:rejected', s2, {})).items;
    expect(refused.map((r) => [r.caseId, r.command])).toEqual([[id, 'confirm']]);
    expect(refused[0]!.message).toContain('已批准');
    const loser = two.host.services.cases.get(id)!;
    expect(loser.state).toBe('approved');
    expect(loser.version).toBe(server.version);
    // The loser's append-only trail tells what happened here: its own confirmation, the server's refusal of
    // it, and the confirmation that counts. (The case is the contract desk's now, so read the store itself.)
    const trail = two.host.services.audit.forCase(id).slice(-3).map((e) => [e.action, e.commandId === refused[0]!.commandId]);
    expect(trail).toEqual([
      ['confirmed', true],
      ['syncRejected', true],
      ['confirmed', false],
    ]);
    const refusalEntry = two.host.services.audit.forCase(id).find((e) => e.action === 'syncRejected')!;
    expect(JSON.parse(refusalEntry.details)).toEqual({ reason: refused[0]!.message, reasonEn: expect.stringMatching(/approved/i) });
    expect(two.host.services.audit.verify().ok).toBe(true);
  });

  it('a confirmation made offline is of the proposal the officer read: a proposal changed on the server meanwhile is not approved with it', async () => {
    const [row] = await central.db.query<{ id: string }>(
      `SELECT id FROM cases WHERE state = 'approval' AND assignee_id IS NULL AND team = 'retail'
         AND NOT (record->'checkers' ?| array['u-officer-1', 'u-officer-2', 'u-senior-1']) ORDER BY id LIMIT 1`,
    );
    const id = row!.id;
    const one = await desktop();
    const a1 = await one.login('liqiang');
    value(await one.call('case:claim', a1, { caseId: id }));
    value(await one.call('approval:propose', a1, { caseId: id, proposal: { decision: 'decline', reasons: ['负债率高'] } }));
    await one.sync.syncNow();
    expect(await serverCase(id)).toMatchObject({ state: 'proposed' });

    const b = await desktop({ gated: true });
    const officerB = await b.login('zhaolei');
    value(await b.call('case:claim', officerB, { caseId: id }));
    const read = value(await b.call('case:get', officerB, { caseId: id }));
    b.gate!.cut();

    // Meanwhile: the supervisor hands the case to a senior, who sends it back; the proposer proposes again,
    // differently; the supervisor hands the case back to B.
    const at = new Date(central.clock.now).toISOString();
    await supervisorAssigns(id, 'u-senior-1');
    const senior = await loggedIn(central.url, 'sunwei');
    const sentBack = value(await senior.client.push(senior.token, [{ commandId: randomUUID(), name: 'sendBack', payload: { caseId: id, comment: '请补充经营流水分析' }, createdAt: at }]));
    expect(sentBack.results[0]!.status).toBe('accepted');
    const proposer = await loggedIn(central.url, 'liqiang');
    const again = { decision: 'decline', reasons: ['经营流水不足'] };
    const proposed = value(await proposer.client.push(proposer.token, [{ commandId: randomUUID(), name: 'propose', payload: { caseId: id, proposal: again }, createdAt: at }]));
    expect(proposed.results[0]!.status).toBe('accepted');
    await supervisorAssigns(id, 'u-officer-2');
    expect(await serverCase(id)).toMatchObject({ state: 'proposed', assignee_id: 'u-officer-2' });

    // B, still offline, confirms what his screen shows.
    value(await b.call('approval:confirm', officerB, { caseId: id, expectedVersion: read.version }));
    b.gate!.restore();
    await b.sync.syncNow();
    expect(await accepted(id, 'confirm')).toBe(0);
    expect(await serverCase(id)).toMatchObject({ state: 'proposed', assignee_id: 'u-officer-2' });
    const refused = value(await b.call('sync:rejected', officerB, {})).items;
    expect(refused[0]).toMatchObject({ caseId: id, command: 'confirm', code: 'conflict', message: '案件在您查阅审批意见后已有变化，请重新查阅后再复核' });
    // His desktop now shows the proposal as it is, for him to read and confirm or send back.
    const now = value(await b.call('case:get', officerB, { caseId: id }));
    expect(now).toMatchObject({ state: 'proposed', assigneeId: 'u-officer-2', proposal: { decision: 'decline', reasons: ['经营流水不足'], by: 'u-officer-1' } });
    expect(now.version).toBeGreaterThan(read.version);
  });

  it('dual control holds across machines: the proposing officer cannot confirm from a second desktop', async () => {
    const [row] = await central.db.query<{ id: string }>(
      `SELECT id FROM cases WHERE state = 'approval' AND assignee_id IS NULL AND team = 'retail'
         AND NOT (record->'checkers' ? 'u-officer-1') ORDER BY id LIMIT 1`,
    );
    const id = row!.id;
    const one = await desktop();
    const two = await desktop();
    const a1 = await one.login('liqiang');
    const a2 = await two.login('liqiang');
    value(await one.call('case:claim', a1, { caseId: id }));
    const data = one.host.services.cases.get(id)!.data;
    const proposed = one.host.services.commands.execute(actorOf(one.host.services.users.byUsername('liqiang')!), 'propose', {
      caseId: id,
      proposal: { decision: 'decline', reasons: ['经营流水不足'] },
    });
    expect(proposed.ok).toBe(true);
    await one.sync.syncNow();
    expect((await serverCase(id)).state).toBe('proposed');
    await two.sync.syncNow();

    // Officer A takes the case on the second desktop: the server decides the claim and refuses it.
    const claim = await two.call('case:claim', a2, { caseId: id });
    expect(claim.ok).toBe(false);
    if (!claim.ok) expect(claim.error.code).toBe('sod-violation');

    // A second desktop whose local copy was altered (it shows A holding a proposal by someone else) lets A
    // confirm locally; the server still refuses, and the altered store is put right.
    const local = two.host.services.cases.get(id)!;
    two.host.services.cases.save(
      { ...local, version: local.version + 1, assigneeId: 'u-officer-1', assigneeName: '李强', proposal: { ...local.proposal!, by: 'u-officer-2', byName: '赵磊' } },
      local.version,
    );
    expect(two.host.services.commands.execute(actorOf(two.host.services.users.byUsername('liqiang')!), 'confirm', { caseId: id }).ok).toBe(true);
    await two.sync.syncNow();
    const refused = value(await two.call('sync:rejected', a2, {})).items;
    expect(refused[0]).toMatchObject({ caseId: id, command: 'confirm', code: 'sod-violation' });
    expect(await serverCase(id)).toMatchObject({ state: 'proposed', assignee_id: null });
    expect(await accepted(id, 'confirm')).toBe(0);
    const fixed = two.host.services.cases.get(id)!;
    expect(fixed).toMatchObject({ state: 'proposed', assigneeId: null });
    expect(fixed.proposal!.by).toBe('u-officer-1');
    expect(data.appNo).toBe(fixed.data.appNo);
  });

  it('a 领取下一件 whose answer was lost is not carried out twice: asked again, the desktop gets the case the server handed over then', async () => {
    const d = await desktop({ gated: true });
    const clerk = await d.login('zhangmin');
    const holds = async () => (await central.db.query<{ id: string }>("SELECT id FROM cases WHERE assignee_id = 'u-clerk-1'")).map((r) => r.id);
    const before = await holds();
    d.gate!.loseAnswers(true);
    const lost = await d.call('queue:claimNext', clerk, { queue: 'doc_check' });
    expect(lost.ok || lost.error.code).toBe('offline');
    const handedOver = (await holds()).filter((id) => !before.includes(id));
    expect(handedOver).toHaveLength(1); // the server did carry it out
    d.gate!.loseAnswers(false);
    const again = value(await d.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    expect(again.caseId).toBe(handedOver[0]);
    expect((await holds()).filter((id) => !before.includes(id))).toEqual(handedOver);
    // Answered: the next one is a new claim.
    const next = value(await d.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    expect(next.caseId).not.toBe(handedOver[0]);
  });

  it('a lost 领取下一件 whose case went to someone else meanwhile (a supervisor reassigned it) is not reported as this clerk\'s: a new case is claimed', async () => {
    const d = await desktop({ gated: true });
    const clerk = await d.login('zhangmin');
    const holds = async () => (await central.db.query<{ id: string }>("SELECT id FROM cases WHERE assignee_id = 'u-clerk-1'")).map((r) => r.id);
    const before = await holds();
    d.gate!.loseAnswers(true);
    expect((await d.call('queue:claimNext', clerk, { queue: 'doc_check' })).ok).toBe(false);
    const [lost] = (await holds()).filter((id) => !before.includes(id));
    d.gate!.loseAnswers(false);
    await supervisorAssigns(lost!, 'u-clerk-2');
    const again = value(await d.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    expect(again.caseId).not.toBe(lost);
    expect(d.host.services.cases.get(again.caseId)!.assigneeId).toBe('u-clerk-1');
    expect((await serverCase(again.caseId)).assignee_id).toBe('u-clerk-1');
  });

  it('a waiting command the server cannot read is still undone here: the case goes back to what it was, at the server\'s version', async () => {
    const d = await desktop();
    const clerk = await d.login('zhangmin');
    const claimed = value(await d.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    const before = d.host.services.cases.get(claimed.caseId)!;
    expect(value(await d.call('case:returnForSupplement', clerk, { caseId: claimed.caseId, reasons: ['营业执照缺失'] })).state).toBe('returned');
    // The waiting command spoilt as a desktop of another version might have left it: the refusal comes without the server's case.
    d.sync.db.prepare("UPDATE outbox SET payload = 'not a command' WHERE status = 'pending' AND case_id = ?").run(claimed.caseId);
    await d.sync.syncNow();
    expect(d.sync.store.pendingCount()).toBe(0);
    // Answered, the command's copy of the case (with its identity numbers) is not kept.
    expect(d.sync.db.prepare('SELECT count(*) AS n FROM outbox WHERE case_before IS NOT NULL').get()).toEqual({ n: 0 });
    const after = d.host.services.cases.get(claimed.caseId)!;
    expect({ state: after.state, version: after.version, assigneeId: after.assigneeId }).toEqual({ state: before.state, version: before.version, assigneeId: before.assigneeId });
    expect(await serverCase(claimed.caseId)).toMatchObject({ state: before.state, version: before.version });
    const history = value(await d.call('case:get', clerk, { caseId: claimed.caseId })).history;
    expect(history.at(-1)).toMatchObject({ action: 'syncRejected' });
  });

  it('a waiting command the server cannot read, on a case others changed meanwhile: the case goes back to the server\'s copy, not to the one before the command', async () => {
    const d = await desktop();
    const clerk = await d.login('zhangmin');
    await d.login('wangfang'); // her token pulls while his commands wait
    const claimed = value(await d.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    d.sync.tokens.drop('u-clerk-1');
    expect(value(await d.call('case:returnForSupplement', clerk, { caseId: claimed.caseId, reasons: ['营业执照缺失'] })).state).toBe('returned');
    await supervisorAssigns(claimed.caseId, 'u-clerk-2');
    // The supervisor's change is pulled while his command waits: the local case keeps his optimistic change.
    await d.sync.syncNow();
    expect(d.sync.store.pendingCount()).toBe(1);
    expect(d.host.services.cases.get(claimed.caseId)!.state).toBe('returned');
    d.sync.db.prepare("UPDATE outbox SET payload = 'not a command' WHERE status = 'pending' AND case_id = ?").run(claimed.caseId);
    await d.login('zhangmin');
    await d.sync.syncNow();
    expect(d.sync.store.pendingCount()).toBe(0);
    const server = await serverCase(claimed.caseId);
    expect(server).toMatchObject({ assignee_id: 'u-clerk-2' });
    const after = d.host.services.cases.get(claimed.caseId)!;
    expect({ state: after.state, version: after.version, assigneeId: after.assigneeId }).toEqual({ state: server.state, version: server.version, assigneeId: 'u-clerk-2' });
    // Used, the held copy (with its identity numbers) is not kept.
    expect(d.sync.db.prepare('SELECT count(*) AS n FROM sync_held_cases').get()).toEqual({ n: 0 });
  });

  it('a refusal without the server\'s copy after one with it: the case goes back to the server\'s copy, though the local versions ran ahead', async () => {
    const d = await desktop();
    const clerk = await d.login('zhangmin');
    const claimed = value(await d.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    const server = d.host.services.cases.get(claimed.caseId)!;
    // Two commands of his wait for the case; with them the local case went two versions ahead.
    const c1 = randomUUID();
    const c2 = randomUUID();
    const afterC1 = { ...server, version: server.version + 1, assigneeName: '（第一条命令之后）' };
    const add = d.sync.db.prepare(
      "INSERT INTO outbox (command_id, command, case_id, actor_id, payload, created_at, case_before) VALUES (?, 'release', ?, 'u-clerk-1', ?, '2026-11-24T01:00:00.000Z', ?)",
    );
    const payload = JSON.stringify({ caseId: server.id });
    add.run(c1, server.id, payload, JSON.stringify(server));
    add.run(c2, server.id, payload, JSON.stringify(afterC1));
    d.host.services.cases.save({ ...afterC1, version: server.version + 2 }, server.version);
    d.sync.db.transaction(() => {
      // c1 refused with the server's copy while c2 still waits: the copy is held.
      d.sync.store.answer(c1, 'rejected', {});
      expect(d.sync.replica.adopt(server)).toBeNull();
      // c2 refused without one: back to the server's copy, not to the case after c1 (which the server refused).
      d.sync.store.answer(c2, 'rejected', {});
      d.sync.replica.restore(server.id, d.sync.store.caseBefore(c2));
    })();
    const after = d.host.services.cases.get(server.id)!;
    expect({ version: after.version, assigneeName: after.assigneeName }).toEqual({ version: server.version, assigneeName: server.assigneeName });
  });

  it('a command left waiting by a user gone from this desktop does not freeze the case for the others here: they see the server\'s case; his command still goes when he is back', async () => {
    const { d, clerk, claimed } = await releasedWithoutToken();
    // ...and is gone (logged out) before the release reaches the server.
    value(await d.call('auth:logout', clerk, {}));
    await supervisorAssigns(claimed.caseId, 'u-clerk-2');
    await d.sync.syncNow();
    expect(d.sync.store.pendingCount()).toBe(1);
    const server = await serverCase(claimed.caseId);
    expect(d.host.services.cases.get(claimed.caseId)).toMatchObject({ assigneeId: 'u-clerk-2', version: server.version, state: server.state });
    // Back, his release goes and is refused with the reason; the case stays as the server has it.
    const back = await d.login('zhangmin');
    await d.sync.syncNow();
    expect(d.sync.store.pendingCount()).toBe(0);
    expect(value(await d.call('sync:rejected', back, {})).items.map((r) => r.command)).toContain('release');
    expect(d.host.services.cases.get(claimed.caseId)).toMatchObject({ assigneeId: 'u-clerk-2', version: server.version });
    expect(d.sync.db.prepare('SELECT count(*) AS n FROM sync_held_cases').get()).toEqual({ n: 0 });
  });

  it('a case held back for a user who then leaves shows the server\'s copy at the next round, though no change of it comes', async () => {
    const { d, clerk, claimed } = await releasedWithoutToken();
    await supervisorAssigns(claimed.caseId, 'u-clerk-2');
    // He is still here (logged in): his release keeps the case as he left it.
    await d.sync.syncNow();
    expect(d.host.services.cases.get(claimed.caseId)).toMatchObject({ state: 'submitted', assigneeId: null });
    // Then he leaves; nothing changes on the server, yet the next round shows the server's case.
    value(await d.call('auth:logout', clerk, {}));
    await d.sync.syncNow();
    expect(d.host.services.cases.get(claimed.caseId)).toMatchObject({ assigneeId: 'u-clerk-2', version: (await serverCase(claimed.caseId)).version });
    expect(d.sync.store.pendingCount()).toBe(1);
  });

  it('an answer for one user while a gone user\'s command waits on the same case shows the server\'s case at once', async () => {
    const d = await desktop();
    const clerk = await d.login('zhangmin');
    const claimed = value(await d.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    const server = d.host.services.cases.get(claimed.caseId)!;
    // 王芳 left a command on this case here and is gone (not logged in, no token).
    d.sync.db
      .prepare("INSERT INTO outbox (command_id, command, case_id, actor_id, payload, created_at) VALUES (?, 'release', ?, 'u-clerk-2', ?, '2026-11-24T01:00:00.000Z')")
      .run(randomUUID(), server.id, JSON.stringify({ caseId: server.id }));
    d.host.services.cases.save({ ...server, version: server.version + 1, assigneeId: null, assigneeName: null }, server.version);
    const answered = { ...server, version: server.version + 1, assigneeName: '（服务器的副本）' };
    expect(d.sync.db.transaction(() => d.sync.replica.adopt(answered))()).not.toBeNull();
    expect(d.host.services.cases.get(server.id)).toMatchObject({ assigneeName: '（服务器的副本）', assigneeId: server.assigneeId });
  });

  it('a long backlog of commands of a user who cannot push now does not hold back the commands of users who can', async () => {
    const d = await desktop();
    const clerk = await d.login('zhangmin');
    const claimed = value(await d.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    // 王芳 worked offline here and is gone without a token: her commands wait for her, ahead of his.
    const insert = d.sync.db.prepare("INSERT INTO outbox (command_id, command, case_id, actor_id, payload, created_at) VALUES (?, 'release', ?, 'u-clerk-2', ?, ?)");
    d.sync.db.transaction(() => {
      for (let i = 0; i < 2_500; i++) insert.run(randomUUID(), `absent-${i}`, JSON.stringify({ caseId: `absent-${i}` }), '2026-11-24T01:00:00.000Z');
    })();
    value(await d.call('case:release', clerk, { caseId: claimed.caseId }));
    await d.sync.syncNow();
    expect(d.sync.store.pendingCount()).toBe(2_500);
    expect(await serverCase(claimed.caseId)).toMatchObject({ assignee_id: null });
  });

  it('an answer read outside the feed does not overwrite a later version a pull already stored', async () => {
    const d = await desktop();
    const clerk = await d.login('zhangmin');
    const claimed = value(await d.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    const now = d.host.services.cases.get(claimed.caseId)!;
    const older = { ...now, version: now.version - 1, assigneeId: null, assigneeName: null };
    expect(d.sync.db.transaction(() => d.sync.replica.adoptUnlessOlder(older))()).toBeNull();
    expect(d.host.services.cases.get(claimed.caseId)).toMatchObject({ version: now.version, assigneeId: 'u-clerk-1' });
    expect(d.sync.db.transaction(() => d.sync.replica.adoptUnlessOlder({ ...now, version: now.version + 1 }))()).not.toBeNull();
  });

  it('a claim held by a desktop that vanished runs out and the case goes back to its queue', async () => {
    const keeper = await desktop();
    const leaver = await desktop();
    const k = await keeper.login('wangfang');
    const l = await leaver.login('zhangmin');
    const kept = value(await keeper.call('queue:claimNext', k, { queue: 'doc_check' }));
    const lost = value(await leaver.call('queue:claimNext', l, { queue: 'doc_check' }));
    leaver.close(); // gone: no more renewals

    central.clock.now += LEASE_MS * 0.6;
    await keeper.sync.renewLeases();
    central.clock.now += LEASE_MS * 0.6;
    expect(await central.server.leases.sweep()).toBeGreaterThanOrEqual(1);
    expect(await serverCase(lost.caseId)).toMatchObject({ state: 'submitted', assignee_id: null });
    expect((await serverCase(kept.caseId)).assignee_id).toBe('u-clerk-2');

    const fresh = await desktop();
    const w = await fresh.login('wangfang');
    const history = value(await fresh.call('case:get', w, { caseId: lost.caseId })).history;
    expect(history.at(-1)).toMatchObject({ action: 'released', actorId: 'system', actorName: '系统' });
    expect(value(await fresh.call('case:claim', w, { caseId: lost.caseId })).assigneeName).toBe('王芳');
  });

  it('a claim of someone whose session ended on a desktop left running runs out too', async () => {
    const d = await desktop();
    const t = await d.login('zhangmin');
    const held = value(await d.call('queue:claimNext', t, { queue: 'doc_check' }));
    // Working: a call every few minutes keeps her session, and the desktop renews her lease.
    for (let i = 0; i < 4; i++) {
      central.clock.now += LEASE_MS * 0.4;
      value(await d.call('queue:counts', t, {}));
      await d.sync.syncNow();
    }
    await central.server.leases.sweep();
    expect((await serverCase(held.caseId)).assignee_id).toBe('u-clerk-1');
    // She walks away from the open workbench: past the idle timeout (15 min) the desktop treats her as logged
    // out, stops renewing and gives her token back, so the claim runs out as if the desktop had vanished.
    for (let i = 0; i < 8; i++) {
      central.clock.now += LEASE_MS * 0.4;
      await d.sync.syncNow();
    }
    await central.server.leases.sweep();
    expect(await serverCase(held.caseId)).toMatchObject({ state: 'submitted', assignee_id: null });
    expect(d.sync.tokens.get('u-clerk-1')).toBeNull();
    const [session] = await central.db.query<{ revoked_at: unknown }>("SELECT revoked_at FROM sessions WHERE user_id = 'u-clerk-1' ORDER BY created_at DESC LIMIT 1");
    expect(session!.revoked_at).not.toBeNull();
  });

  it('logging out in one of two windows keeps the user\'s server token for the other; the last logout gives it back', async () => {
    const d = await desktop();
    const first = await d.login('wangfang');
    const second = await d.login('wangfang');
    value(await d.call('auth:logout', first, {}));
    expect(d.sync.tokens.loggedIn()).toContain('u-clerk-2');
    const held = value(await d.call('queue:claimNext', second, { queue: 'doc_check' }));
    value(await d.call('case:release', second, { caseId: held.caseId }));
    value(await d.call('auth:logout', second, {}));
    expect(d.sync.tokens.loggedIn()).not.toContain('u-clerk-2');
  });

  it('carries a document from the store of one desktop to another through the server, by sha256, fetched only for someone who may see it', async () => {
    const a = await desktop({ gated: true });
    const b = await desktop();
    await a.login('zhangmin');
    await b.login('zhouyan'); // a supervisor: may not see identity numbers, so not the scans either
    const dirs = [mkdtempSync(join(tmpdir(), 'cfw-blobs-')), mkdtempSync(join(tmpdir(), 'cfw-blobs-'))];
    try {
      const [storeA, storeB] = dirs.map((d) => new BlobStore(d)) as [BlobStore, BlobStore];
      const bytes = randomBytes(300_000);
      const { sha256 } = storeA.put(bytes);
      a.gate!.cut();
      const offline = await a.sync.blobs.upload(sha256, storeA);
      expect(offline.ok).toBe(false);
      if (!offline.ok) expect(offline.error.code).toBe('offline');
      a.gate!.restore();
      expect(value(await a.sync.blobs.upload(sha256, storeA))).toMatchObject({ sha256, created: true });
      expect(value(await a.sync.blobs.upload(sha256, storeA)).created).toBe(false);
      const notForHim = await b.sync.blobs.download(sha256, storeB);
      expect(notForHim.ok || notForHim.error.messageEn).toBe('The file stays on the central server until a user who may view document images is logged in here');
      expect(storeB.has(sha256)).toBe(false);
      await b.login('wangfang');
      expect(value(await b.sync.blobs.download(sha256, storeB))).toEqual({ fetched: true });
      expect(Buffer.compare(storeB.get(sha256), bytes)).toBe(0);
      expect(value(await b.sync.blobs.download(sha256, storeB))).toEqual({ fetched: false });
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });

  it('lets a user who logged in online here log in offline for a stated time, and nobody else', async () => {
    const clock = { now: central.clock.now };
    const d = await desktop({ gated: true, clock });
    const t = await d.login('zhangmin');
    value(await d.call('auth:logout', t, {}));
    d.gate!.cut();

    const offline = await d.call('auth:login', null, { username: 'zhangmin', password: 'Demo@2026' });
    expect(offline.ok).toBe(true);
    const wrong = await d.call('auth:login', null, { username: 'zhangmin', password: 'wrong-password' });
    expect(wrong.ok).toBe(false);
    const stranger = await d.call('auth:login', null, { username: 'wangfang', password: 'Demo@2026' });
    expect(stranger.ok).toBe(false);
    if (!stranger.ok) expect(stranger.error.message).toContain('尚未在本机联网登录过');

    clock.now += 73 * 3600_000;
    const late = await d.call('auth:login', null, { username: 'zhangmin', password: 'Demo@2026' });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error.message).toContain('72 小时');
  });
});
