import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCentralDemo } from '../../server/demo/central-demo';
import { BACKENDS, startCentral, type TestCentral } from './support/central';
import { loggedIn } from './support/central-login';
import { startPostgres, type PgCluster } from './support/postgres';
import { syncHost } from './support/sync-host';
import { tcpGate } from './support/tcp-gate';
import { tempHost, value, type TempHost } from './support/temp-host';

const NEW_PASSWORD = 'Clerk#2026x';
/** What a user sets for himself in place of the password an administrator gave him. */
const OWN_PASSWORD = 'Mine#2026ab';

/** The account as the administrator's page lists it. */
async function account(call: TempHost['call'], adminToken: string, username: string) {
  const list = value(await call('users:list', adminToken, {}));
  const u = list.users.find((x) => x.username === username);
  if (!u) throw new Error(`no user ${username}`);
  return u;
}

/** The history read a page at a time and for one account gives what the whole history holds, in order. */
async function expectPagedHistory(call: TempHost['call'], token: string) {
  const all = value(await call('users:history', token, { limit: 500 }));
  expect(all.older).toBeNull();
  expect(all.events.length).toBeGreaterThan(6);
  const first = value(await call('users:history', token, { limit: 3 }));
  expect(first.events).toEqual(all.events.slice(0, 3));
  const second = value(await call('users:history', token, { limit: 3, before: first.older! }));
  expect(second.events).toEqual(all.events.slice(3, 6));
  const rest = value(await call('users:history', token, { limit: 500, before: second.older! }));
  expect([...first.events, ...second.events, ...rest.events]).toEqual(all.events);
  expect(rest.older).toBeNull();

  const someone = all.events.find((e) => e.action === 'accountLocked')!.userId;
  const his = value(await call('users:history', token, { limit: 500, userId: someone }));
  expect(his.events).toEqual(all.events.filter((e) => e.userId === someone));
  const oneByOne = value(await call('users:history', token, { limit: 1, userId: someone }));
  expect(oneByOne.events).toEqual(his.events.slice(0, 1));
  expect(value(await call('users:history', token, { limit: 500, userId: someone, before: oneByOne.older! })).events).toEqual(his.events.slice(1));
}

describe('user administration on a standalone desktop', () => {
  let h: TempHost;
  let admin: string;
  beforeAll(async () => {
    h = await tempHost({ cases: 20 });
    admin = await h.login('admin');
  });
  afterAll(() => h?.close());

  const auditCount = () => (h.host.services.db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;

  it('creates an account that logs in with the roles it was given, and records who created it', async () => {
    const id = value(await h.call('users:create', admin, { username: 'New.Clerk', displayName: '新员工', roles: ['clerk'], team: null, password: NEW_PASSWORD })).id;
    const created = await account(h.call, admin, 'new.clerk'); // usernames are kept in small letters
    expect(created).toMatchObject({ id, displayName: '新员工', roles: ['clerk'], active: true, lockedUntil: null, version: 1, system: false });
    const token = await h.login('new.clerk', NEW_PASSWORD);
    expect(value(await h.call('auth:me', token, {}))).toMatchObject({ mustChangePassword: true });
    expect(value(await h.call('auth:me', token, {})).permissions).toContain('doc.work');
    // The administrator knows this password: nothing but changing it is done with it.
    expect(await h.call('queue:list', token, { queue: 'doc_check', startRow: 0, endRow: 10 })).toMatchObject({ ok: false, error: { code: 'forbidden', details: { mustChangePassword: true } } });
    expect(await h.call('auth:changePassword', token, { currentPassword: 'Wrong#2026x', newPassword: OWN_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { field: 'currentPassword' } },
    });
    expect(await h.call('auth:changePassword', token, { currentPassword: NEW_PASSWORD, newPassword: NEW_PASSWORD })).toMatchObject({ ok: false, error: { code: 'validation' } });
    const other = await h.login('new.clerk', NEW_PASSWORD);
    value(await h.call('auth:changePassword', token, { currentPassword: NEW_PASSWORD, newPassword: OWN_PASSWORD }));
    expect(value(await h.call('auth:me', token, {})).mustChangePassword).toBe(false);
    expect((await h.call('queue:list', token, { queue: 'doc_check', startRow: 0, endRow: 10 })).ok).toBe(true);
    // His other session ended; the old password no longer opens one, the new one does.
    expect((await h.call('auth:me', other, {})).ok).toBe(false);
    expect((await h.call('auth:login', null, { username: 'new.clerk', password: NEW_PASSWORD })).ok).toBe(false);
    expect(value(await h.call('auth:me', await h.login('new.clerk', OWN_PASSWORD), {})).mustChangePassword).toBe(false);
    expect((await account(h.call, admin, 'new.clerk')).mustChangePassword).toBe(false);
    const row = h.host.services.db.prepare("SELECT actor_id, details FROM audit WHERE action = 'userCreated'").get() as { actor_id: string; details: string };
    expect(row.actor_id).toBe('u-admin-1');
    expect(JSON.parse(row.details)).toMatchObject({ userId: id, username: 'new.clerk', roles: ['clerk'] });
    expect(row.details).not.toContain(NEW_PASSWORD);
  });

  it('refuses a taken username (in any case), a weak password and admin with case work, writing nothing', async () => {
    const before = auditCount();
    const users = value(await h.call('users:list', admin, {})).users.length;
    const taken = await h.call('users:create', admin, { username: 'ZHANGMIN', displayName: 'x', roles: ['clerk'], team: null, password: NEW_PASSWORD });
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const weak = await h.call('users:create', admin, { username: 'weak.one', displayName: 'x', roles: ['clerk'], team: null, password: 'password1' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'validation', details: { field: 'password' } } });
    const sod = await h.call('users:create', admin, { username: 'two.hats', displayName: 'x', roles: ['admin', 'officer'], team: null, password: NEW_PASSWORD });
    expect(sod).toMatchObject({ ok: false, error: { code: 'sod-violation' } });
    const system = await h.call('users:create', admin, { username: 'robot', displayName: 'x', roles: ['system' as 'clerk'], team: null, password: NEW_PASSWORD });
    expect(system).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(auditCount()).toBe(before);
    expect(value(await h.call('users:list', admin, {})).users).toHaveLength(users);
  });

  it('is for administrators only', async () => {
    const clerk = await h.login('zhangmin');
    for (const r of [
      await h.call('users:list', clerk, {}),
      await h.call('users:create', clerk, { username: 'sneaky', displayName: 'x', roles: ['admin'], team: null, password: NEW_PASSWORD }),
      await h.call('users:unlock', clerk, { id: 'u-clerk-1' }),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const supervisor = await h.login('zhouyan');
    expect(await h.call('users:update', supervisor, { id: 'u-clerk-1', basedOnVersion: 1, displayName: '张敏', roles: ['clerk', 'officer'], team: null, active: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('a changed role ends the account’s sessions; the next login holds the new role', async () => {
    const token = await h.login('wangfang');
    const before = await account(h.call, admin, 'wangfang');
    // A display name alone leaves the session alone.
    const v2 = value(await h.call('users:update', admin, { id: before.id, basedOnVersion: before.version, displayName: '王芳芳', roles: ['clerk'], team: null, active: true })).version;
    expect(v2).toBe(before.version + 1);
    expect((await h.call('auth:me', token, {})).ok).toBe(true);
    const v3 = value(await h.call('users:update', admin, { id: before.id, basedOnVersion: v2, displayName: '王芳芳', roles: ['clerk', 'officer'], team: 'retail', active: true })).version;
    expect(await h.call('auth:me', token, {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const again = await h.login('wangfang');
    expect(value(await h.call('auth:me', again, {}))).toMatchObject({ displayName: '王芳芳', roles: ['clerk', 'officer'], team: 'retail' });
    // An edit of a version someone else has replaced is refused.
    expect(await h.call('users:update', admin, { id: before.id, basedOnVersion: v2, displayName: 'x', roles: ['clerk'], team: null, active: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect((await account(h.call, admin, 'wangfang')).version).toBe(v3);
  });

  it('a disabled account is logged out and cannot log in; enabled again, it can', async () => {
    const token = await h.login('wugang');
    const u = await account(h.call, admin, 'wugang');
    const v = value(await h.call('users:update', admin, { ...pick(u), active: false })).version;
    expect((await h.call('auth:me', token, {})).ok).toBe(false);
    expect(await h.call('auth:login', null, { username: 'wugang', password: 'Demo@2026' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    value(await h.call('users:update', admin, { ...pick(u), basedOnVersion: v, active: true }));
    await h.login('wugang');
  });

  it('a reset password replaces the old one and lifts a lockout; unlock lifts it without a new password', async () => {
    for (let i = 0; i < 5; i++) await h.call('auth:login', null, { username: 'zhaolei', password: 'wrong' });
    const locked = await account(h.call, admin, 'zhaolei');
    expect(locked.lockedUntil).not.toBeNull();
    expect(value(await h.call('users:history', admin, { limit: 1, userId: locked.id })).events[0]).toMatchObject({ action: 'accountLocked', lockedDuring: 'login' });
    value(await h.call('users:unlock', admin, { id: locked.id }));
    expect((await account(h.call, admin, 'zhaolei')).lockedUntil).toBeNull();
    const session = await h.login('zhaolei');

    expect(await h.call('users:resetPassword', admin, { id: locked.id, password: 'short' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    value(await h.call('users:resetPassword', admin, { id: locked.id, password: 'Reset#2026x' }));
    expect((await h.call('auth:me', session, {})).ok).toBe(false);
    expect((await h.call('auth:login', null, { username: 'zhaolei', password: 'Demo@2026' })).ok).toBe(false);
    await h.login('zhaolei', 'Reset#2026x');
    const actions = h.host.services.db.prepare("SELECT action FROM audit WHERE action IN ('userUnlocked', 'passwordReset') ORDER BY seq").all();
    expect(actions).toEqual([{ action: 'userUnlocked' }, { action: 'passwordReset' }]);
  });

  it('wrong current passwords count towards the lockout with wrong logins; the fifth ends the account’s sessions', async () => {
    const id = value(await h.call('users:create', admin, { username: 'guess.target', displayName: '试密码', roles: ['clerk'], team: null, password: NEW_PASSWORD })).id;
    const session = await h.login('guess.target', NEW_PASSWORD);
    value(await h.call('auth:changePassword', session, { currentPassword: NEW_PASSWORD, newPassword: OWN_PASSWORD }));
    const other = await h.login('guess.target', OWN_PASSWORD);
    const guess = { currentPassword: 'Guess#2026x', newPassword: 'Another#2026x' };
    for (const left of [4, 3]) {
      expect(await h.call('auth:login', null, { username: 'guess.target', password: guess.currentPassword })).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated', details: { attemptsLeft: left } },
      });
    }
    for (const left of [2, 1]) {
      expect(await h.call('auth:changePassword', session, guess)).toMatchObject({ ok: false, error: { code: 'validation', details: { field: 'currentPassword', attemptsLeft: left } } });
    }
    expect(await h.call('auth:changePassword', session, guess)).toMatchObject({ ok: false, error: { code: 'account-locked' } });
    // Whoever was trying passwords in the open session is out, and so is every other session of the account.
    for (const t of [session, other]) expect(await h.call('auth:me', t, {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await h.call('auth:login', null, { username: 'guess.target', password: OWN_PASSWORD })).toMatchObject({ ok: false, error: { code: 'account-locked' } });
    expect((await account(h.call, admin, 'guess.target')).lockedUntil).not.toBeNull();
    const lock = h.host.services.db.prepare("SELECT details FROM audit WHERE action = 'accountLocked' AND actor_id = ?").get(id) as { details: string };
    expect(JSON.parse(lock.details)).toEqual({ failures: 5, during: 'passwordChange' });
    expect(lock.details).not.toContain(guess.currentPassword);
    // The history says where the wrong passwords were given.
    expect(value(await h.call('users:history', admin, { limit: 10, userId: id })).events[0]).toMatchObject({ action: 'accountLocked', byName: null, lockedDuring: 'passwordChange' });

    // Unlocked, he logs in; a wrong guess counts from one again, and his own change starts the count afresh.
    value(await h.call('users:unlock', admin, { id }));
    const back = await h.login('guess.target', OWN_PASSWORD);
    expect(await h.call('auth:changePassword', back, guess)).toMatchObject({ ok: false, error: { details: { attemptsLeft: 4 } } });
    value(await h.call('auth:changePassword', back, { currentPassword: OWN_PASSWORD, newPassword: 'Fresh#2026ab' }));
    expect(await h.call('auth:changePassword', back, guess)).toMatchObject({ ok: false, error: { details: { attemptsLeft: 4 } } });
  });

  it('an administrator neither disables himself nor drops his own admin role; the system user is not edited', async () => {
    const me = await account(h.call, admin, 'admin');
    expect(await h.call('users:update', admin, { ...pick(me), active: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.call('users:update', admin, { ...pick(me), roles: ['supervisor'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const system = await account(h.call, admin, 'system');
    expect(system.system).toBe(true);
    expect(await h.call('users:update', admin, { ...pick(system), roles: ['clerk'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.call('users:resetPassword', admin, { id: system.id, password: NEW_PASSWORD })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(h.host.services.audit.verify().ok).toBe(true);
  });

  it('shows administrators, auditors and supervisors the history of account changes, newest first; no case worker', async () => {
    const events = value(await h.call('users:history', admin, { limit: 50 })).events;
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['userCreated', 'userUpdated', 'passwordReset', 'userUnlocked', 'accountLocked']));
    expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort().reverse());
    const roleChange = events.find((e) => e.username === 'wangfang' && e.changes && 'roles' in e.changes)!;
    expect(roleChange).toMatchObject({ byName: '系统管理员', changes: { roles: { from: ['clerk'], to: ['clerk', 'officer'] }, team: { from: null, to: 'retail' } } });
    expect(events.find((e) => e.action === 'userCreated' && e.username === 'new.clerk')).toMatchObject({ displayName: '新员工', changes: { roles: { from: null, to: ['clerk'] } } });
    const lockouts = events.filter((e) => e.action === 'accountLocked');
    expect(lockouts.map((e) => e.username)).toEqual(['guess.target', 'zhaolei']);
    expect(lockouts[1]).toMatchObject({ byName: null });
    const auditor = await h.login('wugang');
    expect(value(await h.call('users:history', auditor, { limit: 5 })).events).toHaveLength(5);
    // He reviews the accounts too, read-only (the changes stay the administrator's).
    const review = value(await h.call('users:list', auditor, {}));
    expect(review.readOnly?.message).toBe('仅系统管理员可修改用户账户');
    expect(review.users.length).toBeGreaterThan(10);
    expect(value(await h.call('users:list', admin, {})).readOnly).toBeNull();
    expect(await h.call('users:history', await h.login('liqiang'), { limit: 5 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('reads the history a page at a time, and of one account', async () => {
    await expectPagedHistory(h.call, admin);
  });
});

/** The fields of an edit, from the account as listed. */
function pick(u: { id: string; version: number; displayName: string; roles: string[]; team: 'retail' | 'corporate' | null; active: boolean }) {
  return { id: u.id, basedOnVersion: u.version, displayName: u.displayName, roles: u.roles as ('clerk' | 'admin')[], team: u.team, active: u.active };
}

let pg: PgCluster;
beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(() => pg?.stop());

describe.each(BACKENDS)('user administration on the central server (%s)', (backend) => {
  let central: TestCentral;
  const open: { close(): void }[] = [];
  const gates: { stop(): Promise<void> }[] = [];
  beforeAll(async () => {
    central = await startCentral(backend, backend === 'postgres' ? pg : null);
    await seedCentralDemo(central.db, { cases: 20, now: central.clock.now });
  });
  afterAll(async () => {
    for (const h of open) h.close();
    for (const g of gates) await g.stop();
    await central.close();
  });

  async function desktop(gated = false) {
    const gate = gated ? await tcpGate(central.url) : null;
    if (gate) gates.push(gate);
    const h = syncHost(gate?.url ?? central.url, { clock: central.clock });
    open.push(h);
    return Object.assign(h, { gate });
  }

  it('an account created on one desktop logs in on another; the server records who created it', async () => {
    const one = await desktop();
    const admin = await one.login('admin');
    const id = value(await one.call('users:create', admin, { username: 'central.clerk', displayName: '中台新人', roles: ['clerk'], team: null, password: NEW_PASSWORD })).id;
    const two = await desktop();
    const clerk = await two.login('central.clerk', NEW_PASSWORD);
    expect(value(await two.call('auth:me', clerk, {}))).toMatchObject({ roles: ['clerk'], mustChangePassword: true });
    // Before he changes the password the administrator gave him, neither the desktop nor the server lets him work.
    expect(await two.call('queue:claimNext', clerk, { queue: 'doc_check' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const { client, token: serverToken } = await loggedIn(central.url, 'central.clerk', NEW_PASSWORD);
    expect(await client.users(serverToken)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await client.claimNext(serverToken, { commandId: randomUUID(), queue: 'doc_check' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    value(await two.call('auth:changePassword', clerk, { currentPassword: NEW_PASSWORD, newPassword: OWN_PASSWORD }));
    // Changed on the server: his other server session ended, and this desktop now syncs and claims with his token.
    expect(await client.users(serverToken)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(value(await two.call('queue:claimNext', clerk, { queue: 'doc_check' })).assigneeName).toBe('中台新人');
    await loggedIn(central.url, 'central.clerk', OWN_PASSWORD);
    // …and he may log in here offline with the new password.
    two.close(true);
    const again = syncHost('http://127.0.0.1:9', { clock: central.clock, dataDir: two.dataDir });
    open.push(again);
    expect((await again.call('auth:login', null, { username: 'central.clerk', password: OWN_PASSWORD })).ok).toBe(true);
    expect((await again.call('auth:login', null, { username: 'central.clerk', password: NEW_PASSWORD })).ok).toBe(false);
    const [event] = await central.db.query<{ action: string; details: Record<string, unknown> }>("SELECT action, details FROM auth_events WHERE user_id = $1 AND action = 'userCreated'", [id]);
    expect(event!.details).toMatchObject({ by: 'u-admin-1', username: 'central.clerk', roles: ['clerk'] });
    expect(JSON.stringify(event)).not.toContain(NEW_PASSWORD);
    // The creating desktop has the account at once (no wait for the next users refresh).
    expect(one.host.services.users.byUsername('central.clerk')?.id).toBe(id);
  });

  it('a create request repeated (its answer lost) makes one account and answers the same id', async () => {
    const { client, token } = await loggedIn(central.url, 'admin');
    const request = { id: 'u-repeat-request-1', username: 'repeat.clerk', displayName: '重复请求', roles: ['clerk' as const], team: null, password: NEW_PASSWORD };
    expect(value(await client.createUser(token, request)).id).toBe(request.id);
    expect(value(await client.createUser(token, request)).id).toBe(request.id);
    const rows = await central.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE username = 'repeat.clerk'");
    expect(rows[0]!.n).toBe(1);
    const events = await central.db.query<{ n: number }>("SELECT count(*)::int AS n FROM auth_events WHERE user_id = $1 AND action = 'userCreated'", [request.id]);
    expect(events[0]!.n).toBe(1);
    // Another request for the same username is refused as taken.
    expect(await client.createUser(token, { ...request, id: 'u-repeat-request-2' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a disabled account loses its server session and its local one on every desktop, and cannot log in offline', async () => {
    const adminDesk = await desktop();
    const admin = await adminDesk.login('admin');
    const work = await desktop(true);
    const clerk = await work.login('zhangmin');
    const u = value(await adminDesk.call('users:list', admin, {})).users.find((x) => x.username === 'zhangmin')!;
    value(await adminDesk.call('users:update', admin, { ...pick(u), active: false }));
    // The server refuses the session at once: claiming (decided by the server) fails.
    expect((await work.call('queue:claimNext', clerk, { queue: 'doc_check' })).ok).toBe(false);
    // When the desktop next reads the users, the local session ends and the offline login is refused.
    await work.sync.refreshUsers((await loggedIn(central.url, 'zhouyan')).token);
    expect((await work.call('auth:me', clerk, {})).ok).toBe(false);
    work.gate!.cut();
    expect((await work.call('auth:login', null, { username: 'zhangmin', password: 'Demo@2026' })).ok).toBe(false);
    work.gate!.restore();
    expect(await work.call('auth:login', null, { username: 'zhangmin', password: 'Demo@2026' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('a reset password makes a desktop forget the old one for offline login', async () => {
    const adminDesk = await desktop();
    const admin = await adminDesk.login('admin');
    const work = await desktop(true);
    await work.login('liqiang'); // leaves an offline verifier of the old password on this desktop
    const u = value(await adminDesk.call('users:list', admin, {})).users.find((x) => x.username === 'liqiang')!;
    const serverToken = work.sync.tokens.get(u.id)!;
    expect((await work.sync.client.users(serverToken)).ok).toBe(true);
    central.clock.now += 60_000;
    value(await adminDesk.call('users:resetPassword', admin, { id: u.id, password: 'Reset#2026x' }));
    // His server session ended with the reset.
    expect(await work.sync.client.users(serverToken)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await work.sync.refreshUsers((await loggedIn(central.url, 'zhouyan')).token);
    work.gate!.cut();
    expect(await work.call('auth:login', null, { username: 'liqiang', password: 'Demo@2026' })).toMatchObject({ ok: false, error: { code: 'offline' } });
    work.gate!.restore();
    await work.login('liqiang', 'Reset#2026x');
    // Logged in online with the new password, he may work offline again with it.
    await work.sync.refreshUsers((await loggedIn(central.url, 'zhouyan')).token);
    work.gate!.cut();
    expect((await work.call('auth:login', null, { username: 'liqiang', password: 'Reset#2026x' })).ok).toBe(true);
    work.gate!.restore();
  });

  it('wrong current passwords on a synced desktop lock the account on the server, end its sessions there and here, and void offline login', async () => {
    const adminDesk = await desktop();
    const admin = await adminDesk.login('admin');
    const id = value(await adminDesk.call('users:create', admin, { username: 'central.guess', displayName: '试密码', roles: ['clerk'], team: null, password: NEW_PASSWORD })).id;
    const work = await desktop(true);
    const first = await work.login('central.guess', NEW_PASSWORD);
    value(await work.call('auth:changePassword', first, { currentPassword: NEW_PASSWORD, newPassword: OWN_PASSWORD }));
    const session = await work.login('central.guess', OWN_PASSWORD);
    const { client, token: elsewhere } = await loggedIn(central.url, 'central.guess', OWN_PASSWORD);
    const guess = { currentPassword: 'Guess#2026x', newPassword: 'Another#2026x' };
    for (const left of [4, 3, 2, 1]) {
      expect(await work.call('auth:changePassword', session, guess)).toMatchObject({ ok: false, error: { code: 'validation', details: { field: 'currentPassword', attemptsLeft: left } } });
    }
    expect(await work.call('auth:changePassword', session, guess)).toMatchObject({ ok: false, error: { code: 'account-locked' } });
    // The server ended every session of the account (this desktop's and another's), the desktop its own.
    expect(await client.users(elsewhere)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(work.sync.tokens.get(id)).toBeNull();
    expect(await work.call('auth:me', session, {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // Offline, this desktop no longer takes the password; online, the server refuses the locked account.
    work.gate!.cut();
    expect(await work.call('auth:login', null, { username: 'central.guess', password: OWN_PASSWORD })).toMatchObject({ ok: false, error: { code: 'offline' } });
    work.gate!.restore();
    expect(await work.call('auth:login', null, { username: 'central.guess', password: OWN_PASSWORD })).toMatchObject({ ok: false, error: { code: 'account-locked' } });
    const events = await central.db.query<{ action: string; details: Record<string, unknown> }>(
      "SELECT action, details FROM auth_events WHERE user_id = $1 AND action IN ('passwordChangeRefused', 'accountLocked') ORDER BY id",
      [id],
    );
    expect(events.map((e) => e.action)).toEqual(['passwordChangeRefused', 'passwordChangeRefused', 'passwordChangeRefused', 'passwordChangeRefused', 'accountLocked']);
    expect(events[4]!.details).toEqual({ failures: 5, during: 'passwordChange' });
    expect(JSON.stringify(events)).not.toContain(guess.currentPassword);
    expect(value(await adminDesk.call('users:history', admin, { limit: 10, userId: id })).events[0]).toMatchObject({ action: 'accountLocked', byName: null, lockedDuring: 'passwordChange' });
    value(await adminDesk.call('users:unlock', admin, { id }));
    await work.login('central.guess', OWN_PASSWORD);
  });

  it('two administrators disabling each other at once: one succeeds, one administrator always remains', async () => {
    const adminDesk = await desktop();
    const admin = await adminDesk.login('admin');
    const id2 = value(await adminDesk.call('users:create', admin, { username: 'admin.two', displayName: '管理员二', roles: ['admin'], team: null, password: NEW_PASSWORD })).id;
    const second = await desktop();
    const first = await second.login('admin.two', NEW_PASSWORD);
    value(await second.call('auth:changePassword', first, { currentPassword: NEW_PASSWORD, newPassword: OWN_PASSWORD }));
    const admin2 = first;
    const list = value(await adminDesk.call('users:list', admin, {})).users;
    const one = list.find((x) => x.username === 'admin')!;
    const two = list.find((x) => x.id === id2)!;
    const [a, b] = await Promise.all([
      adminDesk.call('users:update', admin, { ...pick(two), active: false }),
      second.call('users:update', admin2, { ...pick(one), active: false }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const [{ n }] = await central.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE active AND roles ? 'admin'");
    expect(n).toBe(1);
    // The server's history names the change that went through and who made it.
    const events = value(await (a.ok ? adminDesk : second).call('users:history', a.ok ? admin : admin2, { limit: 10 })).events;
    expect(events[0]).toMatchObject({ action: 'userUpdated', username: a.ok ? 'admin.two' : 'admin', byName: a.ok ? '系统管理员' : '管理员二', changes: { active: { from: true, to: false } } });
    expect(events.find((e) => e.action === 'userCreated' && e.userId === id2)).toMatchObject({ changes: { roles: { from: null, to: ['admin'] } } });
    // Whichever won, the later tests log in as admin: when he was the one disabled, the other enables him again.
    if (b.ok) {
      const disabled = value(await second.call('users:list', admin2, {})).users.find((x) => x.username === 'admin')!;
      value(await second.call('users:update', admin2, { ...pick(disabled), active: true }));
    }
  });

  it('reads the history a page at a time, and of one account, through the desktop', async () => {
    const adminDesk = await desktop();
    await expectPagedHistory(adminDesk.call, await adminDesk.login('admin'));
  });

  it('refuses a non-administrator, a forged token and bad bodies on every user route, storing nothing', async () => {
    const before = await central.db.query('SELECT id, version FROM users ORDER BY id');
    const { token } = await loggedIn(central.url, 'zhouyan');
    const { token: adminToken } = await loggedIn(central.url, 'admin');
    const post = (path: string, body: unknown, auth: string | null) =>
      fetch(`${central.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const create = { username: 'nobody.x', displayName: 'x', roles: ['clerk'], team: null, password: NEW_PASSWORD };
    for (const path of ['/v1/admin/users', '/v1/admin/users/update', '/v1/admin/users/reset-password', '/v1/admin/users/unlock']) {
      expect((await post(path, create, token)).status).toBe(403);
      expect((await post(path, create, `${adminToken.slice(0, -2)}xx`)).status).toBe(401);
      expect((await post(path, '{"username": ', adminToken)).status).toBe(400);
      expect((await post(path, { ...create, id: 5, extra: true }, adminToken)).status).toBe(400);
    }
    // The supervisor reviews the accounts read-only; an officer does not see them.
    const review = await fetch(`${central.url}/v1/admin/users`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await review.json()) as { value: { readOnly: unknown } }).value.readOnly).toMatchObject({ message: '仅系统管理员可修改用户账户' });
    const { token: officer } = await loggedIn(central.url, 'chenjing');
    for (const query of ['before=abc', 'before=0', 'limit=501', 'userId=not%20an%20id']) {
      expect((await fetch(`${central.url}/v1/admin/users/history?${query}`, { headers: { authorization: `Bearer ${adminToken}` } })).status).toBe(400);
    }
    for (const path of ['/v1/admin/users', '/v1/admin/users/history']) {
      expect((await fetch(`${central.url}${path}`, { headers: { authorization: `Bearer ${officer}` } })).status).toBe(403);
    }
    expect(await central.db.query('SELECT id, version FROM users ORDER BY id')).toEqual(before);
  });
});
