import { describe, expect, it } from 'vitest';
import { SYSTEM_USER } from '../auth/system-user';
import { accountChanges, accountEventView, checkAccountEdit, checkPassword, checkRoles, historyPage, lockoutShown, otherActiveAdmins, USERNAME_PATTERN, type AccountEventRow } from './user-admin';

describe('user administration rules', () => {
  it('asks for a password of eight characters of three kinds, without the username', () => {
    expect(checkPassword('Clerk#2026x', 'e2e.clerk').ok).toBe(true);
    expect(checkPassword('Demo@2026', 'zhangmin').ok).toBe(true);
    expect(checkPassword('abcdefgh1', 'zhangmin')).toMatchObject({ ok: false, error: { code: 'validation', details: { field: 'password' } } });
    expect(checkPassword('Ab1!', 'zhangmin').ok).toBe(false);
    const withName = checkPassword('Zhangmin#1', 'zhangmin');
    expect(withName.ok).toBe(false);
    if (!withName.ok) expect(withName.error.message).toContain('用户名');
  });

  it('gives roles only as assignable, never twice, and keeps administrators and auditors out of case work', () => {
    expect(checkRoles(['clerk', 'officer']).ok).toBe(true);
    expect(checkRoles(['supervisor', 'auditor']).ok).toBe(true);
    expect(checkRoles([])).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(checkRoles(['clerk', 'clerk'])).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(checkRoles(['system'])).toMatchObject({ ok: false, error: { code: 'validation' } });
    const adminClerk = checkRoles(['admin', 'clerk']);
    expect(adminClerk).toMatchObject({ ok: false, error: { code: 'sod-violation', details: { roles: ['admin', 'clerk'] } } });
    if (!adminClerk.ok) expect(adminClerk.error.message).toBe('岗位分离：系统管理员不能同时担任资料审核员');
    expect(adminClerk).toMatchObject({ error: { messageEn: 'Segregation of duties: an administrator cannot also be a document clerk' } });
    expect(checkRoles(['auditor', 'admin'])).toMatchObject({ error: { messageEn: 'Segregation of duties: an auditor cannot also be an administrator' } });
    expect(checkRoles(['senior_officer', 'admin'])).toMatchObject({ ok: false, error: { code: 'sod-violation' } });
    expect(checkRoles(['auditor', 'officer'])).toMatchObject({ ok: false, error: { code: 'sod-violation' } });
    expect(checkRoles(['auditor', 'admin'])).toMatchObject({ ok: false, error: { code: 'sod-violation' } });
  });

  it('never leaves the bank without an active administrator, nor lets one disable himself', () => {
    const admin = { id: 'u-admin-1', roles: ['admin'] as const, active: true };
    const other = { id: 'u-admin-2', roles: ['admin'] as const, active: true };
    // Another administrator may disable a colleague while one remains.
    expect(checkAccountEdit('u-admin-1', other, { roles: ['admin'], active: false }, 1).ok).toBe(true);
    // …but not the last one, and nobody himself.
    expect(checkAccountEdit('u-admin-1', other, { roles: ['admin'], active: false }, 0)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(checkAccountEdit('u-admin-1', admin, { roles: ['admin'], active: false }, 3)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(checkAccountEdit('u-admin-1', admin, { roles: ['supervisor'], active: true }, 3)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // His own display name and other roles he may change.
    expect(checkAccountEdit('u-admin-1', admin, { roles: ['admin', 'supervisor'], active: true }, 0).ok).toBe(true);
    // A disabled administrator re-enabled, or a clerk disabled, needs no other administrator.
    expect(checkAccountEdit('u-admin-1', { ...other, active: false }, { roles: ['admin'], active: true }, 0).ok).toBe(true);
    expect(checkAccountEdit('u-admin-1', { id: 'u-clerk-1', roles: ['clerk'], active: true }, { roles: ['clerk'], active: false }, 0).ok).toBe(true);
  });

  it('counts the other active administrators, and shows a lockout only while it lasts', () => {
    const accounts = [
      { id: 'a1', roles: ['admin'] as const, active: true },
      { id: 'a2', roles: ['admin', 'supervisor'] as const, active: true },
      { id: 'a3', roles: ['admin'] as const, active: false },
      { id: 'c1', roles: ['clerk'] as const, active: true },
    ];
    expect(otherActiveAdmins(accounts, 'a1')).toBe(1);
    expect(otherActiveAdmins(accounts, 'c1')).toBe(2);
    const now = Date.parse('2026-12-02T02:00:00.000Z');
    expect(lockoutShown(now + 60_000, now)).toBe('2026-12-02T02:01:00.000Z');
    expect(lockoutShown(now, now)).toBeNull();
    expect(lockoutShown(null, now)).toBeNull();
  });

  it('does not edit the system user, and checks the new roles', () => {
    expect(checkAccountEdit('u-admin-1', { id: SYSTEM_USER.id, roles: ['system'], active: true }, { roles: ['clerk'], active: true }, 1)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(checkAccountEdit('u-admin-1', { id: 'u-clerk-1', roles: ['clerk'], active: true }, { roles: ['clerk', 'admin'], active: true }, 1)).toMatchObject({
      ok: false,
      error: { code: 'sod-violation' },
    });
  });

  it('names what changed, and ends sessions only for a changed role, team or status', () => {
    const before = { displayName: '张敏', roles: ['clerk', 'officer'] as const, team: null, active: true };
    expect(accountChanges(before, { ...before, roles: ['officer', 'clerk'] })).toEqual({ changes: {}, endsSessions: false });
    expect(accountChanges(before, { ...before, displayName: '张敏敏' })).toEqual({
      changes: { displayName: { from: '张敏', to: '张敏敏' } },
      endsSessions: false,
    });
    expect(accountChanges(before, { ...before, team: 'retail' }).endsSessions).toBe(true);
    expect(accountChanges(before, { ...before, roles: ['clerk'] }).changes).toEqual({ roles: { from: ['clerk', 'officer'], to: ['clerk'] } });
    expect(accountChanges(before, { ...before, active: false })).toEqual({ changes: { active: { from: true, to: false } }, endsSessions: true });
  });

  it('takes usernames of small letters, digits and . _ - starting with a letter', () => {
    for (const ok of ['zhangmin', 'e2e.clerk', 'li_qiang-2']) expect(USERNAME_PATTERN.test(ok)).toBe(true);
    for (const bad of ['ab', '2abc', 'Zhang', '张敏', 'a b c', 'x'.repeat(33)]) expect(USERNAME_PATTERN.test(bad)).toBe(false);
  });
});

describe('historyPage', () => {
  const row = (id: number, over: Partial<AccountEventRow> = {}): AccountEventRow => ({
    id,
    at: `2026-12-02T0${id}:00:00.000Z`,
    user_id: 'u-1',
    username: 'zhangmin',
    display_name: '张敏',
    action: 'userUpdated',
    changes: null,
    byName: '系统管理员',
    lockedDuring: null,
    ...over,
  });

  it('keeps `limit` rows and starts the next page at the last one when the extra row shows older ones exist', () => {
    const page = historyPage([row(9), row(7), row(4)], 2);
    expect(page.events.map((e) => e.at)).toEqual([row(9).at, row(7).at]);
    expect(page.older).toBe(7);
  });

  it('has no next page when the rows end within the limit', () => {
    expect(historyPage([row(9), row(7)], 2).older).toBeNull();
    expect(historyPage([], 5)).toEqual({ events: [], older: null });
  });

  it('names an account that no longer exists by its id', () => {
    expect(historyPage([row(3, { username: null, display_name: null, user_id: 'u-gone' })], 5).events[0]).toMatchObject({ username: 'u-gone', displayName: 'u-gone' });
  });
});

describe('accountEventView', () => {
  it('says where a lockout’s wrong passwords were given; a lockout stored before the password change counted was a login’s', () => {
    expect(accountEventView('accountLocked', { failures: 5, during: 'passwordChange' })).toEqual({ changes: null, byName: null, lockedDuring: 'passwordChange' });
    expect(accountEventView('accountLocked', { failures: 5, during: 'login' }).lockedDuring).toBe('login');
    expect(accountEventView('accountLocked', { failures: 5 }).lockedDuring).toBe('login');
  });

  it('shows an edit’s changes and a creation’s fields, with who made them, and no lockout cause', () => {
    const edit = { byName: '系统管理员', changes: { active: { from: true, to: false } } };
    expect(accountEventView('userUpdated', edit)).toEqual({ changes: edit.changes, byName: '系统管理员', lockedDuring: null });
    expect(accountEventView('userCreated', { byName: '系统管理员', displayName: '新员工', roles: ['clerk'], team: null })).toEqual({
      changes: { displayName: { from: null, to: '新员工' }, roles: { from: null, to: ['clerk'] }, team: { from: null, to: null } },
      byName: '系统管理员',
      lockedDuring: null,
    });
    expect(accountEventView('passwordReset', { byName: '系统管理员', during: 'login' })).toEqual({ changes: null, byName: '系统管理员', lockedDuring: null });
  });
});
