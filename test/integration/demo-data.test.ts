import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../electron/host/demo/demo-users';
import { ROLES } from '../../shared/auth/roles';
import { PRODUCTS } from '../../shared/products/catalog';
import { seedCentralDemo } from '../../server/demo/central-demo';
import { startCentral, type TestCentral } from './support/central';
import { loggedIn } from './support/central-login';

/**
 * The demo data `npm start` gives a new user: 5,000 applications on the embedded central server (PGlite), spread
 * over every product, the branches, both approval teams and every stage, and a demo user for every role.
 */
describe('the demo data npm start seeds', () => {
  let central: TestCentral;

  beforeAll(async () => {
    central = await startCentral('pglite', null);
    expect(await seedCentralDemo(central.db, { cases: 5000, now: central.clock.now })).toBe(true);
  }, 240_000);
  afterAll(() => central?.close());

  const counts = async (column: string) =>
    new Map((await central.db.query<{ k: string; n: number }>(`SELECT ${column} AS k, count(*)::int AS n FROM cases GROUP BY 1`)).map((r) => [r.k, r.n]));

  it('holds 5,000 applications over every product, both teams and many branches', async () => {
    const [{ n }] = (await central.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')) as [{ n: number }];
    expect(n).toBe(5000);
    const products = await counts("record->'data'->>'productCode'");
    for (const code of Object.keys(PRODUCTS)) expect(products.get(code) ?? 0, code).toBeGreaterThan(100);
    const teams = await counts('team');
    expect(teams.get('retail')).toBeGreaterThan(1000);
    expect(teams.get('corporate')).toBeGreaterThan(500);
    expect((await counts("record->'data'->>'branchCode'")).size).toBeGreaterThanOrEqual(8);
  });

  it('has cases in every stage of the line, from intake to contract, and ended ones', async () => {
    const states = await counts('state');
    for (const state of ['submitted', 'doc_check', 'returned', 'investigation', 'approval', 'proposed', 'approved', 'contracted', 'declined', 'withdrawn']) {
      expect(states.get(state) ?? 0, state).toBeGreaterThan(50);
    }
    // Some are held by someone and some are past their SLA, so the queues and the dashboard have work to show.
    const [held] = await central.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE assignee_id IS NOT NULL');
    expect(held!.n).toBeGreaterThan(100);
    const [late] = await central.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE sla_due_at < $1', [new Date(central.clock.now).toISOString()]);
    expect(late!.n).toBeGreaterThan(10);
  });

  it('has a demo user for every role, each of whom logs in with the published password', async () => {
    for (const role of ROLES.filter((r) => r !== 'system')) {
      expect(DEMO_USERS.some((u) => u.roles.includes(role)), role).toBe(true);
    }
    for (const u of DEMO_USERS) expect((await loggedIn(central.url, u.username, DEMO_PASSWORD)).token.length, u.username).toBeGreaterThan(20);
  });
});
