import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { CHANNELS, type Channel } from '../../shared/api/contract';
import { tempHost, value, type TempHost } from './support/temp-host';

/** A fingerprint of everything a command could change, to prove a refused request changed nothing. */
function fingerprint(file: string): string {
  const db = new Database(file, { readonly: true });
  const cases = db.prepare('SELECT count(*) n, sum(version) v, group_concat(assignee_id) a FROM cases').get();
  const audit = db.prepare("SELECT count(*) n FROM audit WHERE action NOT IN ('login','loginFailed')").get();
  const outbox = db.prepare('SELECT count(*) n FROM outbox').get();
  db.close();
  return JSON.stringify([cases, audit, outbox]);
}

const MALFORMED: unknown[] = [
  null,
  42,
  'text',
  [],
  { caseId: 123 },
  { caseId: "x' OR 1=1 --" },
  { caseId: 'c-1', unexpected: true },
  { queue: 'nope', startRow: -1, endRow: 'a' },
  { caseId: 'a'.repeat(100_000) },
  { username: 'a'.repeat(10_000), password: '' },
];

describe('bad input, login and sessions', () => {
  let h: TempHost;
  let supervisor: string;
  beforeAll(async () => {
    h = await tempHost({ cases: 80, idleTimeoutMinutes: 15 });
    supervisor = await h.login('zhouyan');
  });
  afterAll(() => h.close());

  it.each(CHANNELS.filter((c) => c !== 'auth:logout'))('refuses malformed payloads on %s with a clear error and changes nothing', async (channel: Channel) => {
    const before = fingerprint(h.dbFile);
    for (const payload of MALFORMED) {
      const r = await h.host.dispatch(channel, supervisor, payload);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('validation');
      expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.error.messageEn.length).toBeGreaterThan(3);
    }
    expect(fingerprint(h.dbFile)).toBe(before);
  });

  it('refuses malformed payloads on auth:logout and keeps the session', async () => {
    const token = await h.login('wangfang');
    for (const payload of MALFORMED) {
      const r = await h.host.dispatch('auth:logout', token, payload);
      expect(r.ok || r.error.code).toBe('validation');
    }
    expect((await h.call('queue:counts', token, {})).ok).toBe(true);
    value(await h.call('auth:logout', token, {}));
    const after = await h.call('queue:counts', token, {});
    expect(after.ok || after.error.code).toBe('unauthenticated');
  });

  it('refuses every non-public channel without a token', async () => {
    for (const channel of CHANNELS.filter((c) => c !== 'auth:login')) {
      const r = await h.host.dispatch(channel, null, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unauthenticated');
    }
    const forged = await h.call('queue:counts', 'forged-token', {});
    expect(forged.ok || forged.error.code).toBe('unauthenticated');
  });

  it('counts wrong passwords and locks the account after 5, even for the right password', async () => {
    const messages: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await h.call('auth:login', null, { username: 'wangfang', password: 'wrong' });
      expect(r.ok).toBe(false);
      if (!r.ok) messages.push(r.error.message);
    }
    expect(messages).toEqual(['用户名或密码错误，还可尝试 4 次', '用户名或密码错误，还可尝试 3 次', '用户名或密码错误，还可尝试 2 次', '用户名或密码错误，还可尝试 1 次']);
    const fifth = await h.call('auth:login', null, { username: 'wangfang', password: 'wrong' });
    expect(fifth.ok || fifth.error.code).toBe('account-locked');
    const right = await h.call('auth:login', null, { username: 'wangfang', password: 'Demo@2026' });
    expect(right.ok || right.error.code).toBe('account-locked');
    h.advance(31 * 60_000);
    const later = await h.call('auth:login', null, { username: 'wangfang', password: 'Demo@2026' });
    expect(later.ok).toBe(true);
  });

  it('does not reveal whether a username exists', async () => {
    const unknown = await h.call('auth:login', null, { username: 'nobody', password: 'x' });
    const known = await h.call('auth:login', null, { username: 'liqiang', password: 'x' });
    expect(unknown.ok || unknown.error.code).toBe('unauthenticated');
    expect(known.ok || known.error.code).toBe('unauthenticated');
    expect(!unknown.ok && unknown.error.message).toBe('用户名或密码错误');
  });

  it('the status bar asking every few seconds does not keep an unattended session alive', async () => {
    const token = await h.login('chenjing');
    for (let minute = 1; minute <= 15; minute++) {
      h.advance(60_000);
      value(await h.call('sync:status', token, {}));
    }
    h.advance(60_000);
    const expired = await h.call('queue:counts', token, {});
    expect(expired.ok || expired.error.code).toBe('session-expired');
  });

  it('pages refreshing themselves (background calls) do not keep an unattended session alive; a call at the user\'s hand does', async () => {
    // In central mode every change a colleague makes is pulled and the open queue re-queries: those calls are
    // marked background by the UI, and for 15 minutes of them the session still ends.
    const token = await h.login('chenjing');
    for (let minute = 1; minute <= 15; minute++) {
      h.advance(60_000);
      expect((await h.host.dispatch('queue:list', token, { queue: 'approval_corporate', startRow: 0, endRow: 50 }, { background: true })).ok).toBe(true);
    }
    h.advance(60_000);
    const expired = await h.host.dispatch('queue:counts', token, {}, { background: true });
    expect(expired.ok || expired.error.code).toBe('session-expired');

    const used = await h.login('chenjing');
    for (let minute = 1; minute <= 15; minute++) {
      h.advance(60_000);
      expect((await h.host.dispatch('queue:list', used, { queue: 'approval_corporate', startRow: 0, endRow: 50 }, { background: false })).ok).toBe(true);
    }
    h.advance(60_000);
    expect((await h.host.dispatch('queue:counts', used, {}, { background: true })).ok).toBe(true);
  });

  it('expires an idle session and refuses it afterwards', async () => {
    const token = await h.login('liqiang');
    h.advance(10 * 60_000);
    value(await h.call('auth:me', token, {})); // activity keeps it alive
    h.advance(16 * 60_000);
    const expired = await h.call('queue:counts', token, {});
    expect(expired.ok).toBe(false);
    if (!expired.ok) {
      expect(expired.error.code).toBe('session-expired');
      expect(expired.error.message).toBe('会话已超时，请重新登录');
    }
    const again = await h.call('auth:me', token, {});
    expect(again.ok).toBe(false);
  });

  it('ends a session on logout', async () => {
    const token = await h.login('chenjing');
    value(await h.call('auth:logout', token, {}));
    const r = await h.call('auth:me', token, {});
    expect(r.ok || r.error.code).toBe('unauthenticated');
  });

  it('keeps passwords only as salted scrypt hashes', () => {
    const db = new Database(h.dbFile, { readonly: true });
    const rows = db.prepare('SELECT password_hash FROM users WHERE password_hash IS NOT NULL').all() as { password_hash: string }[];
    db.close();
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
      expect(r.password_hash).not.toContain('Demo@2026');
    }
  });
});
