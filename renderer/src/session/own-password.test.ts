import { describe, expect, it } from 'vitest';
import { ownPasswordInput } from './own-password';

describe('changing one’s own password', () => {
  it('sends the current and the new password when the new one is strong, new and typed twice alike', () => {
    expect(ownPasswordInput({ currentPassword: 'Clerk#2026x', newPassword: 'Mine#2026ab', repeat: 'Mine#2026ab' }, 'e2e.clerk')).toEqual({
      ok: true,
      value: { currentPassword: 'Clerk#2026x', newPassword: 'Mine#2026ab' },
    });
  });

  it('names the field to mend: a weak or unchanged new password, or a repeat that differs', () => {
    const weak = ownPasswordInput({ currentPassword: 'Clerk#2026x', newPassword: 'abcdefgh', repeat: 'abcdefgh' }, 'e2e.clerk');
    expect(weak).toMatchObject({ ok: false, error: { code: 'validation', details: { field: 'newPassword' } } });
    const same = ownPasswordInput({ currentPassword: 'Clerk#2026x', newPassword: 'Clerk#2026x', repeat: 'Clerk#2026x' }, 'e2e.clerk');
    expect(same).toMatchObject({ ok: false, error: { message: '新密码不能与当前密码相同', details: { field: 'newPassword' } } });
    const differ = ownPasswordInput({ currentPassword: 'Clerk#2026x', newPassword: 'Mine#2026ab', repeat: 'Mine#2026ac' }, 'e2e.clerk');
    expect(differ).toMatchObject({ ok: false, error: { message: '两次输入的新密码不一致', details: { field: 'repeat' } } });
  });
});
