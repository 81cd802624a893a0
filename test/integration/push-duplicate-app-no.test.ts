import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationData } from '../../shared/domain/case';
import type { CommandOutcome } from '../../shared/sync/protocol';
import type { CentralDb } from '../../server/db/central-db';
import { withRetry } from '../../server/commands/push-service';
import { seedCentralDemo } from '../../server/demo/central-demo';
import { BACKENDS, startCentral, type TestCentral } from './support/central';
import { loggedIn } from './support/central-login';
import { startPostgres, type PgCluster } from './support/postgres';
import { value } from './support/temp-host';
import { pushCommand as cmd } from './support/push-command';

/**
 * 申请编号 (app_no) is unique. A pushed `submit` whose application number is already taken is refused on its
 * own as a conflict; the other commands of the push are applied. (It used to violate `cases_app_no_key`,
 * be retried as if it were a repeated command id, and fail the whole chunk with a 500.)
 */

let pg: PgCluster;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());


const gist = (o: CommandOutcome) => (o.status === 'accepted' ? 'accepted' : `${o.error.code}: ${o.error.message} / ${o.error.messageEn}`);

async function written(db: CentralDb, caseIds: string[]) {
  const [r] = await db.query<{ cases: number; audit: number; changes: number }>(
    `SELECT (SELECT count(*) FROM cases WHERE id = ANY($1))::int AS cases, (SELECT count(*) FROM audit WHERE case_id = ANY($1))::int AS audit,
       (SELECT count(*) FROM changes WHERE case_id = ANY($1))::int AS changes`,
    [caseIds],
  );
  return r!;
}

describe.each(BACKENDS)('a pushed submit whose application number exists (%s)', (backend) => {
  let central: TestCentral;
  let data: ApplicationData;
  beforeAll(async () => {
    central = await startCentral(backend, backend === 'postgres' ? pg : null);
    await seedCentralDemo(central.db, { cases: 30, now: central.clock.now });
    data = (await central.db.query<{ data: ApplicationData }>("SELECT record->'data' AS data FROM cases ORDER BY id LIMIT 1"))[0]!.data;
  });
  afterAll(() => central.close());

  async function submittedCase(): Promise<string> {
    const [r] = await central.db.query<{ id: string }>(
      "SELECT id FROM cases WHERE state = 'submitted' AND assignee_id IS NULL AND id NOT IN (SELECT case_id FROM commands WHERE case_id IS NOT NULL) ORDER BY id LIMIT 1",
    );
    return r!.id;
  }

  it('is refused as a conflict on its own, and the rest of the push is applied', async () => {
    const { client, token } = await loggedIn(central.url, 'admin');
    const y = await submittedCase();
    const dup = `c-dup-${randomUUID()}`;
    const fresh = `c-new-${randomUUID()}`;
    const twin = `c-twin-${randomUUID()}`;
    const freshNo = `XD-${Date.now()}`;
    const push = [
      cmd('submit', { caseId: dup, data: { ...data, appNo: ` ${data.appNo} ` } }), // trimmed by the schema: still taken
      cmd('addDocument', { caseId: dup, documentId: 'd-1', fileName: 'a.jpg', sha256: 'a'.repeat(64), mime: 'image/jpeg', sizeBytes: 10, pages: 1 }),
      cmd('withdraw', { caseId: y, reason: '客户撤回申请' }),
      cmd('submit', { caseId: fresh, data: { ...data, appNo: freshNo } }),
      cmd('submit', { caseId: twin, data: { ...data, appNo: freshNo } }), // taken by the submit just before it
    ];
    const r = value(await client.push(token, push)).results;
    expect(r.map(gist)).toEqual([
      `conflict: 申请编号 ${data.appNo} 已存在 / Application number ${data.appNo} already exists`,
      expect.stringMatching(/^not-found: /),
      'accepted',
      'accepted',
      `conflict: 申请编号 ${freshNo} 已存在 / Application number ${freshNo} already exists`,
    ]);
    expect(r[0]).toMatchObject({ status: 'rejected', case: null, error: { details: { appNo: data.appNo } } });
    // Nothing of the refused submits was written but their answers; the others took effect.
    expect(await written(central.db, [dup, twin])).toEqual({ cases: 0, audit: 0, changes: 0 });
    const [{ state }] = await central.db.query<{ state: string }>('SELECT state FROM cases WHERE id = $1', [y]);
    expect(state).toBe('withdrawn');
    expect((await written(central.db, [fresh])).cases).toBe(1);
    const answers = await central.db.query<{ status: string }>('SELECT status FROM commands WHERE command_id = ANY($1)', [push.map((c) => c.commandId)]);
    expect(answers).toHaveLength(5);

    // The same push sent again gets the same answers and changes nothing.
    const again = value(await client.push(token, push)).results;
    expect(again.map(gist)).toEqual(r.map(gist));
    expect(await written(central.db, [dup, twin])).toEqual({ cases: 0, audit: 0, changes: 0 });
  });

  it('retries a repeated command id, but no other unique violation', async () => {
    let calls = 0;
    const failing = (constraint: string) => () => {
      calls++;
      return Promise.reject(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505', constraint }));
    };
    await expect(withRetry(failing('commands_pkey'))).rejects.toMatchObject({ constraint: 'commands_pkey' });
    expect(calls).toBe(5);
    calls = 0;
    await expect(withRetry(failing('audit_case_id_case_seq_key'))).rejects.toMatchObject({ code: '23505' });
    expect(calls).toBe(1);
  });
});

describe('two pushes submitting the same new application number at the same moment (postgres)', () => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startCentral('postgres', pg);
    await seedCentralDemo(central.db, { cases: 10, now: central.clock.now });
  });
  afterAll(() => central.close());

  it('accept one and refuse the other as a conflict', async () => {
    const [{ data }] = await central.db.query<{ data: ApplicationData }>("SELECT record->'data' AS data FROM cases ORDER BY id LIMIT 1");
    const a = await loggedIn(central.url, 'admin');
    const appNo = `XD-race-${Date.now()}`;
    for (let round = 0; round < 5; round++) {
      const no = `${appNo}-${round}`;
      const [r1, r2] = await Promise.all(
        [0, 1].map(async (k) => value(await a.client.push(a.token, [cmd('submit', { caseId: `c-race-${round}-${k}`, data: { ...data, appNo: no } })])).results[0]!),
      );
      expect([gist(r1!), gist(r2!)].sort()).toEqual(['accepted', `conflict: 申请编号 ${no} 已存在 / Application number ${no} already exists`]);
    }
  });
});
