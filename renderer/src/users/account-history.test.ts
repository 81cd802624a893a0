import { describe, expect, it } from 'vitest';
import type { Label } from '../i18n/use-labels';
import { detailLines } from './account-history';

const zh = (label: Label) => label.zh;
const en = (label: Label) => label.en;

describe('detailLines', () => {
  it('shows an edit as before → after, in words', () => {
    const changes = { active: { from: true, to: false }, roles: { from: ['clerk'], to: ['clerk', 'officer'] }, team: { from: null, to: 'retail' } };
    expect(detailLines({ action: 'userUpdated', lockedDuring: null, changes }, zh)).toEqual(['状态：在用 → 已停用', '角色：资料审核员 → 资料审核员、审批员', '小组：全部 → 零售审批']);
    expect(detailLines({ action: 'userUpdated', lockedDuring: null, changes: { roles: changes.roles } }, en)).toEqual(['Roles: Document clerk → Document clerk, Approval officer']);
  });

  it('shows a new account with what it was created with', () => {
    const created = { displayName: { from: null, to: '测试审核员' }, roles: { from: null, to: ['clerk'] }, team: { from: null, to: null } };
    expect(detailLines({ action: 'userCreated', lockedDuring: null, changes: created }, zh)).toEqual(['姓名：测试审核员', '角色：资料审核员', '小组：全部']);
  });

  it('shows nothing for an event without changes, and an unknown field as it is', () => {
    expect(detailLines({ action: 'passwordReset', lockedDuring: null, changes: null }, zh)).toEqual([]);
    expect(detailLines({ action: 'userUpdated', lockedDuring: null, changes: { branch: { from: '0101', to: '0102' } } }, zh)).toEqual(['branch：0101 → 0102']);
  });

  it('shows where a lockout’s wrong passwords were given', () => {
    expect(detailLines({ action: 'accountLocked', changes: null, lockedDuring: 'passwordChange' }, zh)).toEqual(['修改密码时当前密码连续错误']);
    expect(detailLines({ action: 'accountLocked', changes: null, lockedDuring: 'login' }, en)).toEqual(['Wrong passwords at login']);
  });
});
