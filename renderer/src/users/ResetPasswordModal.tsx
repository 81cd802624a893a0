import { Typography } from 'antd';
import type { ManagedUser } from '../../../shared/api/users-api';
import { ok } from '../../../shared/errors';
import { client } from '../api';
import { useLabels } from '../i18n/use-labels';
import { checkPasswordPair, type PasswordFields } from './user-form';
import { PasswordItems } from './UserFormItems';
import { UserModal } from './UserModal';
import { USERS_TEXT } from './users-text';
import { useFormCommand } from '../hooks/useFormCommand';

const EMPTY: PasswordFields = { password: '', password2: '' };

/** 重置密码: a new password for `user` (the host ends his sessions and lifts a lockout). */
export function ResetPasswordModal({ user, onClose, onSaved }: { user: ManagedUser; onClose(): void; onSaved(): void }) {
  const tx = useLabels(USERS_TEXT);
  const { problem, busy, run } = useFormCommand(onSaved);
  const submit = (fields: PasswordFields) => {
    const checked = checkPasswordPair(fields, user.username);
    const input = checked.ok ? ok({ id: user.id, password: fields.password }) : checked;
    void run(input, (value) => client.call('users:resetPassword', value), tx('passwordReset', { username: user.username }));
  };
  return (
    <UserModal<PasswordFields>
      title={tx('resetTitle', { username: user.username })}
      submitText={tx('reset')}
      initialValues={EMPTY}
      problem={problem}
      busy={busy}
      onCancel={onClose}
      onFinish={submit}
    >
      <Typography.Paragraph type="secondary">{tx('resetHint')}</Typography.Paragraph>
      <PasswordItems problem={problem} label={tx('newPassword')} />
    </UserModal>
  );
}
