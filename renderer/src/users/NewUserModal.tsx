import { Form, Input } from 'antd';
import { client } from '../api';
import { useLabels } from '../i18n/use-labels';
import { newUserInput, type NewUserFields } from './user-form';
import { PasswordItems, ProfileItems } from './UserFormItems';
import { fieldStatus } from '../components/field-status';
import { UserModal } from './UserModal';
import { USERS_TEXT } from './users-text';
import { useFormCommand } from '../hooks/useFormCommand';

const EMPTY: NewUserFields = { username: '', displayName: '', roles: [], team: 'none', password: '', password2: '' };

/** 新建用户: username, name, roles, team and an initial password the administrator tells the user. */
export function NewUserModal({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const tx = useLabels(USERS_TEXT);
  const { problem, busy, run } = useFormCommand(onSaved);
  const submit = (fields: NewUserFields) => {
    const input = newUserInput(fields);
    const username = input.ok ? input.value.username : '';
    void run(input, (value) => client.call('users:create', value), tx('created', { username }));
  };
  return (
    <UserModal<NewUserFields> title={tx('createTitle')} submitText={tx('create')} initialValues={EMPTY} problem={problem} busy={busy} onCancel={onClose} onFinish={submit}>
      <Form.Item name="username" label={tx('username')} required extra={tx('usernameHint')} validateStatus={fieldStatus(problem, 'username')}>
        <Input data-testid="user-form-username" maxLength={32} autoFocus />
      </Form.Item>
      <ProfileItems problem={problem} />
      <PasswordItems problem={problem} label={tx('password')} />
    </UserModal>
  );
}
