import { describe, expect, it } from 'vitest';
import type { ManagedUser } from '../../../shared/api/users-api';
import { editFieldsOf, newUserInput, teamChoice, teamOf, userEditInput, type NewUserFields } from './user-form';

const NEW_CLERK: NewUserFields = {
  username: '  E2E.Clerk ',
  displayName: ' 测试审核员 ',
  roles: ['clerk'],
  team: 'none',
  password: 'Clerk#2026x',
  password2: 'Clerk#2026x',
};

function account(over: Partial<ManagedUser>): ManagedUser {
  return { id: 'u-1', username: 'zhangmin', displayName: '张敏', roles: ['clerk'], team: null, active: true, lockedUntil: null, mustChangePassword: false, version: 3, system: false, ...over };
}

const ADMIN = account({ id: 'u-admin-1', username: 'admin', displayName: '系统管理员', roles: ['admin'] });

describe('newUserInput', () => {
  it('sends the username trimmed in small letters and the name trimmed', () => {
    const r = newUserInput(NEW_CLERK);
    expect(r).toEqual({ ok: true, value: { username: 'e2e.clerk', displayName: '测试审核员', roles: ['clerk'], team: null, password: 'Clerk#2026x' } });
  });

  it('refuses a username the host would refuse', () => {
    const r = newUserInput({ ...NEW_CLERK, username: '1abc' });
    expect(r.ok || r.error.details).toEqual({ field: 'username' });
  });

  it('refuses an administrator who is also a clerk, with the segregation message', () => {
    const r = newUserInput({ ...NEW_CLERK, roles: ['admin', 'clerk'] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('sod-violation');
      expect(r.error.message).toBe('岗位分离：系统管理员不能同时担任资料审核员');
    }
  });

  it('refuses a weak password with the rule, and two passwords that differ', () => {
    const weak = newUserInput({ ...NEW_CLERK, password: 'abcdefgh', password2: 'abcdefgh' });
    expect(weak.ok ? '' : weak.error.message).toContain('密码至少 8 位');
    const differ = newUserInput({ ...NEW_CLERK, password2: 'Clerk#2026y' });
    expect(differ.ok ? '' : differ.error.messageEn).toBe('The two passwords differ');
  });

  it('refuses a password that contains the username', () => {
    const r = newUserInput({ ...NEW_CLERK, username: 'wangwu', password: 'Wangwu#2026', password2: 'Wangwu#2026' });
    expect(r.ok ? '' : r.error.message).toBe('密码不能包含用户名');
  });

  it('asks for a name', () => {
    const r = newUserInput({ ...NEW_CLERK, displayName: '   ' });
    expect(r.ok || r.error.details).toEqual({ field: 'displayName' });
  });
});

describe('userEditInput', () => {
  it('names the version the edit started from and maps no team to null', () => {
    const user = account({ team: 'retail', roles: ['officer'] });
    const r = userEditInput(user, { ...editFieldsOf(user), team: 'none', active: false }, ADMIN.id, [ADMIN, user]);
    expect(r).toEqual({ ok: true, value: { id: 'u-1', basedOnVersion: 3, displayName: '张敏', roles: ['officer'], team: null, active: false } });
  });

  it('refuses an administrator disabling himself', () => {
    const other = account({ id: 'u-admin-2', roles: ['admin'] });
    const r = userEditInput(ADMIN, { ...editFieldsOf(ADMIN), active: false }, ADMIN.id, [ADMIN, other]);
    expect(r.ok ? '' : r.error.message).toBe('不能停用自己或撤销自己的管理员角色');
  });

  it('refuses removing the last active administrator', () => {
    const other = account({ id: 'u-admin-2', roles: ['admin'] });
    const r = userEditInput(other, { ...editFieldsOf(other), roles: ['supervisor'] }, ADMIN.id, [account({ ...ADMIN, active: false }), other]);
    expect(r.ok ? '' : r.error.message).toBe('须保留至少一名在用的系统管理员');
  });
});

describe('team choices', () => {
  it('round-trips an account of no team through the select', () => {
    expect(teamOf(teamChoice(null))).toBeNull();
    expect(teamOf(teamChoice('corporate'))).toBe('corporate');
  });
});
