import { Form, Switch, Typography } from 'antd';
import type { ManagedUser } from '../../../shared/api/users-api';
import { client } from '../api';
import { useLabels } from '../i18n/use-labels';
import { useUser } from '../session/SessionProvider';
import { editFieldsOf, userEditInput, type EditFields } from './user-form';
import { ProfileItems } from './UserFormItems';
import { UserModal } from './UserModal';
import { USERS_TEXT } from './users-text';
import { useFormCommand } from '../hooks/useFormCommand';

interface Props {
  user: ManagedUser;
  /** The accounts on the page, for the rule that keeps one active administrator. */
  users: readonly ManagedUser[];
  onClose(): void;
  onSaved(): void;
  /** Someone changed the account meanwhile: the page reloads the list, so the next edit starts from it. */
  onStale(): void;
}

/** 编辑: name, roles, team and whether the account is in use, saved against the version listed. */
export function EditUserModal({ user, users, onClose, onSaved, onStale }: Props) {
  const tx = useLabels(USERS_TEXT);
  const editor = useUser();
  const { problem, busy, run } = useFormCommand(onSaved, (error) => error.code === 'conflict' && onStale());
  const submit = (fields: EditFields) =>
    void run(userEditInput(user, fields, editor.id, users), (input) => client.call('users:update', input), tx('saved', { username: user.username }));
  return (
    <UserModal<EditFields>
      title={tx('editTitle', { username: user.username })}
      submitText={tx('save')}
      initialValues={editFieldsOf(user)}
      problem={problem}
      busy={busy}
      onCancel={onClose}
      onFinish={submit}
    >
      <Typography.Paragraph type="secondary">{tx('sessionsEnd')}</Typography.Paragraph>
      <ProfileItems problem={problem} />
      <Form.Item name="active" label={tx('statusSwitch')} valuePropName="checked">
        <Switch data-testid="user-form-active" checkedChildren={tx('active')} unCheckedChildren={tx('disabled')} />
      </Form.Item>
    </UserModal>
  );
}
