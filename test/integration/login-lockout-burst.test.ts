import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DEMO_PASSWORD } from '../../electron/host/demo/demo-users';
import { seedCentralDemo } from '../../server/demo/central-demo';
import { BACKENDS, startCentral, type TestCentral } from './support/central';
import { startPostgres, type PgCluster } from './support/postgres';
import { tempHost, type TempHost } from './support/temp-host';

/**
 * Wrong passwords fired at once must not get round the lockout: every attempt is judged against the account
 * as it is when its password check ends, not as it was when the attempt began. Four wrong passwords one
 * after another, then a burst of five more with the right one last: the first of the burst locks the
 * account, and the rest — the right password too — are refused as locked, the lockout left in force.
 */
const BURST = [...Array.from({ length: 5 }, (_, i) => `wrong-${i}`), DEMO_PASSWORD];
const LOCKOUT_MS = 30 * 60_000;

describe('a burst of passwords after four failures (desktop)', () => {
  let h: TempHost;
  beforeAll(async () => {
    h = await tempHost({ cases: 0 });
  });
  afterAll(() => h.close());

  const row = () => {
    const db = new Database(h.dbFile, { readonly: true });
    try {
      return db.prepare("SELECT failed_attempts, locked_until FROM users WHERE username = 'guoli'").get() as { failed_attempts: number; locked_until: number | null };
    } finally {
      db.close();
    }
  };
  const auditCount = (action: string) => {
    const db = new Database(h.dbFile, { readonly: true });
    try {
      return (db.prepare("SELECT count(*) n FROM audit WHERE action = ? AND actor_id = 'u-senior-2'").get(action) as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('refuses the old password of a login whose check was under way when the password was reset', async () => {
    const pending = h.host.services.auth.login('sunwei', DEMO_PASSWORD); // reads the user before it yields to the check
    // The reset commits while the login's scrypt runs (another hash, as an administrator's reset writes).
    const db = new Database(h.dbFile);
    db.prepare("UPDATE users SET password_hash = 'scrypt$reset$meanwhile' WHERE username = 'sunwei'").run();
    db.close();
    const r = await pending;
    expect(r.ok || r.error.code).toBe('unauthenticated');
  });

  it('refuses the right password in the burst and keeps the account locked', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await h.call('auth:login', null, { username: 'guoli', password: 'wrong' });
      expect(r.ok || r.error.code).toBe('unauthenticated');
    }
    const results = await Promise.all(BURST.map((password) => h.call('auth:login', null, { username: 'guoli', password })));
    const codes = results.map((r) => (r.ok ? 'OK' : r.error.code));
    expect(codes).toEqual(Array(BURST.length).fill('account-locked'));
    const right = results.at(-1)!;
    expect(!right.ok && right.error).toMatchObject({ message: expect.stringContaining('账户已锁定'), messageEn: expect.stringContaining('the account is locked') });

    const after = row();
    expect(after.locked_until).toBe(h.now() + LOCKOUT_MS);
    expect(after.failed_attempts).toBe(5);
    expect(auditCount('accountLocked')).toBe(1);
    expect(auditCount('login')).toBe(0);
    expect(auditCount('loginRefusedLocked')).toBe(BURST.length - 1);

    // Still locked afterwards, even for the right password; once the lockout has run out it logs in and the count starts again.
    const again = await h.call('auth:login', null, { username: 'guoli', password: DEMO_PASSWORD });
    expect(again.ok || again.error.code).toBe('account-locked');
    h.advance(LOCKOUT_MS + 1);
    expect((await h.call('auth:login', null, { username: 'guoli', password: DEMO_PASSWORD })).ok).toBe(true);
    expect(row()).toEqual({ failed_attempts: 0, locked_until: null });
  });
});

let pg: PgCluster;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

describe.each(BACKENDS)('a burst of passwords after four failures (central server, %s)', (backend) => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startCentral(backend, backend === 'postgres' ? pg : null);
    await seedCentralDemo(central.db, { cases: 0, now: central.clock.now });
  });
  afterAll(() => central.close());

  const login = async (password: string) => {
    const res = await fetch(`${central.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'guoli', password }),
    });
    return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string; message: string; messageEn: string } } };
  };
  const row = async () =>
    (await central.db.query<{ failed_attempts: number; locked_until: number | null }>("SELECT failed_attempts, locked_until FROM users WHERE username = 'guoli'"))[0]!;
  const events = async (action: string) =>
    (await central.db.query<{ n: number }>("SELECT count(*)::int AS n FROM auth_events WHERE user_id = 'u-senior-2' AND action = $1", [action]))[0]!.n;

  it('refuses the right password in the burst and keeps the account locked', async () => {
    for (let i = 0; i < 4; i++) expect((await login('wrong')).status).toBe(401);
    const results = await Promise.all(BURST.map(login));
    expect(results.map((r) => r.status)).toEqual(Array(BURST.length).fill(423));
    expect(results.map((r) => r.body.error?.code)).toEqual(Array(BURST.length).fill('account-locked'));
    expect(results.at(-1)!.body.error).toMatchObject({ message: expect.stringContaining('账户已锁定'), messageEn: expect.stringContaining('the account is locked') });

    const after = await row();
    expect(after.locked_until).toBe(central.clock.now + LOCKOUT_MS);
    expect(after.failed_attempts).toBe(5);
    expect(await events('accountLocked')).toBe(1);
    expect(await events('login')).toBe(0);
    expect(await events('loginRefusedLocked')).toBe(BURST.length - 1);

    // Still locked afterwards, even for the right password; once the lockout has run out it logs in and the count starts again.
    expect((await login(DEMO_PASSWORD)).status).toBe(423);
    central.clock.now += LOCKOUT_MS + 1;
    expect((await login(DEMO_PASSWORD)).body.ok).toBe(true);
    expect(await row()).toEqual({ failed_attempts: 0, locked_until: null });
  });
});
