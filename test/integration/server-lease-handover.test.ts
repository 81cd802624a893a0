import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../electron/host/demo/demo-users';
import { seedCentralDemo } from '../../server/demo/central-demo';
import { FEED_START, type PushCommand } from '../../shared/sync/protocol';
import { startCentral, type TestCentral } from './support/central';
import { loggedIn } from './support/central-login';
import { value } from './support/temp-host';
import { pushCommand as cmd } from './support/push-command';

const LEASE_MS = 60_000;


interface CaseRowView {
  state: string;
  assignee_id: string | null;
  lease_until: number | null;
  version: number;
}

/**
 * A case handed to a person other than by claiming it (a supervisor's 分派, an officer's 退回 to the proposer or
 * to the clerk who checked it) is held under a lease like a claim: renewed by its holder's desktop, and given
 * back to its queue by the sweep when that desktop disappears (DESIGN: no case is stranded).
 */
describe('leases of cases handed to someone other than by a claim (pglite)', () => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startCentral('pglite', null, { leaseMs: LEASE_MS });
    await seedCentralDemo(central.db, { cases: 80, now: central.clock.now });
  });
  afterAll(() => central.close());

  const caseRow = async (id: string): Promise<CaseRowView> => {
    const [r] = await central.db.query<CaseRowView>('SELECT state, assignee_id, lease_until, version FROM cases WHERE id = $1', [id]);
    return { ...r!, lease_until: r!.lease_until === null ? null : Number(r!.lease_until) };
  };

  /** Unassigned cases in `state` that no test command has touched yet. */
  async function untouched(state: string, extra = 'TRUE'): Promise<{ id: string; checked_by: string | null; proposal_by: string | null; team: string }[]> {
    return central.db.query(
      `SELECT id, checked_by, proposal_by, team FROM cases
        WHERE state = $1 AND assignee_id IS NULL AND ${extra}
          AND id NOT IN (SELECT case_id FROM commands WHERE case_id IS NOT NULL)
          AND id NOT IN (SELECT case_id FROM changes WHERE command_id LIKE 'lease-%')
        ORDER BY id`,
      [state],
    );
  }

  async function push(username: string, c: PushCommand) {
    const { client, token } = await loggedIn(central.url, username);
    return value(await client.push(token, [c])).results[0]!;
  }

  /** The supervisor assigns the case to the first of `candidates` who may hold it; returns that user. */
  async function assignToOneOf(caseId: string, candidates: string[]): Promise<(typeof DEMO_USERS)[number]> {
    for (const username of candidates) {
      const user = DEMO_USERS.find((u) => u.username === username)!;
      const r = await push('zhouyan', cmd('assign', { caseId, assigneeId: user.id, reason: '请处理此件' }));
      if (r.status === 'accepted') return user;
    }
    throw new Error(`no candidate may hold ${caseId}`);
  }

  /** Every change of the feed for the case, as a desktop pulls it. */
  async function feedFor(caseId: string): Promise<{ commandId: string; version: number; case: { assigneeId: string | null } }[]> {
    const { client, token } = await loggedIn(central.url, 'admin');
    const found = [];
    let after = FEED_START;
    for (;;) {
      const page = value(await client.changes(token, after, 2000));
      found.push(...page.changes.filter((c) => c.caseId === caseId));
      if (!page.hasMore) return found;
      after = page.cursor;
    }
  }

  /** The lease runs out without renewal: the sweep gives the case back, audited and in the feed. */
  async function expectReleasedBySweep(caseId: string, queueState: string): Promise<void> {
    const held = await caseRow(caseId);
    central.clock.now += LEASE_MS + 1_000;
    await central.server.leases.sweep();
    const after = await caseRow(caseId);
    expect(after).toMatchObject({ state: queueState, assignee_id: null, lease_until: null, version: held.version + 1 });
    const [audit] = await central.db.query<{ action: string; actor_id: string; actor_name: string; details: string }>(
      'SELECT action, actor_id, actor_name, details FROM audit WHERE case_id = $1 ORDER BY id DESC LIMIT 1',
      [caseId],
    );
    expect(audit).toMatchObject({ action: 'released', actor_id: 'system', actor_name: '系统' });
    expect(JSON.parse(audit!.details)).toMatchObject({ reason: 'leaseExpired' });
    const last = (await feedFor(caseId)).at(-1)!;
    expect(last.commandId).toBe(`lease-${caseId}-${held.version + 1}`);
    expect(last.version).toBe(held.version + 1);
    expect(last.case.assigneeId).toBeNull();
  }

  it('assign: the assignee holds the case under a lease, and the sweep gives it back when it runs out', async () => {
    const [c] = await untouched('submitted');
    const r = await push('zhouyan', cmd('assign', { caseId: c!.id, assigneeId: 'u-clerk-1', reason: '请处理此件' }));
    expect(r.status).toBe('accepted');
    expect(await caseRow(c!.id)).toMatchObject({ state: 'doc_check', assignee_id: 'u-clerk-1', lease_until: central.clock.now + LEASE_MS });
    await expectReleasedBySweep(c!.id, 'submitted');
  });

  it('assign to someone else: the new assignee gets a fresh lease', async () => {
    const [c] = await untouched('submitted');
    expect((await push('zhouyan', cmd('assign', { caseId: c!.id, assigneeId: 'u-clerk-1', reason: '请处理此件' }))).status).toBe('accepted');
    central.clock.now += 30_000;
    expect((await push('zhouyan', cmd('assign', { caseId: c!.id, assigneeId: 'u-clerk-2', reason: '改派他人' }))).status).toBe('accepted');
    expect(await caseRow(c!.id)).toMatchObject({ assignee_id: 'u-clerk-2', lease_until: central.clock.now + LEASE_MS });
  });

  it('sendBack: the proposer holds the case under a lease, and the sweep gives it back to the approval queue', async () => {
    const candidates = await untouched('proposed', 'proposal_by IS NOT NULL');
    expect(candidates.length).toBeGreaterThan(0);
    const c = candidates[0]!;
    const officers = DEMO_USERS.filter((u) => (u.roles.includes('officer') || u.roles.includes('senior_officer')) && u.id !== c.proposal_by);
    const holder = await assignToOneOf(c.id, officers.map((u) => u.username));
    const r = await push(holder.username, cmd('sendBack', { caseId: c.id, comment: '额度需要重新评估' }));
    expect(r.status).toBe('accepted');
    expect(await caseRow(c.id)).toMatchObject({ state: 'approval', assignee_id: c.proposal_by, lease_until: central.clock.now + LEASE_MS });
    await expectReleasedBySweep(c.id, 'approval');
  });

  it('returnToDocCheck: the clerk who checked the case holds it under a lease, and the sweep gives it back', async () => {
    const candidates = await untouched('approval', "checked_by IN ('u-clerk-1', 'u-clerk-2')");
    expect(candidates.length).toBeGreaterThan(0);
    const c = candidates[0]!;
    const officers = DEMO_USERS.filter((u) => u.roles.includes('officer') || u.roles.includes('senior_officer'));
    const holder = await assignToOneOf(c.id, officers.map((u) => u.username));
    const r = await push(holder.username, cmd('returnToDocCheck', { caseId: c.id, reasons: ['收入证明不清晰'] }));
    expect(r.status).toBe('accepted');
    expect(await caseRow(c.id)).toMatchObject({ state: 'doc_check', assignee_id: c.checked_by, lease_until: central.clock.now + LEASE_MS });
    await expectReleasedBySweep(c.id, 'submitted');
  });

  it('a renewal by the holder keeps an assigned case; the unrenewed one goes back', async () => {
    const [kept, lost] = await untouched('submitted');
    expect((await push('zhouyan', cmd('assign', { caseId: kept!.id, assigneeId: 'u-clerk-1', reason: '请处理此件' }))).status).toBe('accepted');
    expect((await push('zhouyan', cmd('assign', { caseId: lost!.id, assigneeId: 'u-clerk-2', reason: '请处理此件' }))).status).toBe('accepted');
    const holder = await loggedIn(central.url, 'zhangmin');
    central.clock.now += LEASE_MS * 0.6;
    expect(value(await holder.client.renewLeases(holder.token)).renewed).toBeGreaterThan(0);
    expect((await caseRow(kept!.id)).lease_until).toBe(central.clock.now + LEASE_MS);
    central.clock.now += LEASE_MS * 0.6;
    await central.server.leases.sweep();
    expect(await caseRow(kept!.id)).toMatchObject({ state: 'doc_check', assignee_id: 'u-clerk-1' });
    expect(await caseRow(lost!.id)).toMatchObject({ state: 'submitted', assignee_id: null });
  });

  it('a held case written without a lease (before handovers had one) gets one at its holder\'s next renewal', async () => {
    const [c] = await untouched('submitted');
    expect((await push('zhouyan', cmd('assign', { caseId: c!.id, assigneeId: 'u-clerk-2', reason: '请处理此件' }))).status).toBe('accepted');
    await central.db.query('UPDATE cases SET lease_until = NULL WHERE id = $1', [c!.id]);
    const holder = await loggedIn(central.url, 'wangfang');
    expect(value(await holder.client.renewLeases(holder.token)).renewed).toBeGreaterThan(0);
    expect((await caseRow(c!.id)).lease_until).toBe(central.clock.now + LEASE_MS);
    await expectReleasedBySweep(c!.id, 'submitted');
  });

  it('a held case without a lease whose holder never comes back is given one by the sweep, and then given back', async () => {
    const [c] = await untouched('submitted');
    expect((await push('zhouyan', cmd('assign', { caseId: c!.id, assigneeId: 'u-clerk-2', reason: '请处理此件' }))).status).toBe('accepted');
    await central.db.query('UPDATE cases SET lease_until = NULL WHERE id = $1', [c!.id]);
    await central.server.leases.sweep();
    expect(await caseRow(c!.id)).toMatchObject({ assignee_id: 'u-clerk-2', lease_until: central.clock.now + LEASE_MS });
    await expectReleasedBySweep(c!.id, 'submitted');
  });

  it('an action by the holder that keeps the case with them keeps its lease', async () => {
    const [c] = await untouched('submitted');
    const clerk = await loggedIn(central.url, 'zhangmin');
    expect(value(await clerk.client.push(clerk.token, [cmd('claim', { caseId: c!.id })])).results[0]!.status).toBe('accepted');
    const lease = (await caseRow(c!.id)).lease_until;
    expect(lease).toBe(central.clock.now + LEASE_MS);
    central.clock.now += 10_000;
    const added = cmd('addDocument', {
      caseId: c!.id, documentId: `d-${randomUUID()}`, fileName: '补充材料.pdf', sha256: 'a'.repeat(64), mime: 'application/pdf', sizeBytes: 1024, pages: 1,
    });
    expect(value(await clerk.client.push(clerk.token, [added])).results[0]!.status).toBe('accepted');
    expect(await caseRow(c!.id)).toMatchObject({ assignee_id: 'u-clerk-1', lease_until: lease });
  });
});
