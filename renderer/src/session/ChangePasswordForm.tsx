import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PASSWORD_MAX } from '../../../shared/users/user-admin';
import { client } from '../api';
import { fieldStatus } from '../components/field-status';
import { useFormCommand } from '../hooks/useFormCommand';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { ownPasswordInput, type OwnPasswordFields } from './own-password';
import { PASSWORD_TEXT } from './password-text';
import { useUser } from './SessionProvider';

const EMPTY: OwnPasswordFields = { currentPassword: '', newPassword: '', repeat: '' };

/**
 * The user's own new password: current, new, new again; checked here as the host checks it, then sent. A
 * refusal stays on the form, the field it names marked; a success is announced and handed on.
 */
export function ChangePasswordForm({ onDone, extra }: { onDone(): void; extra?: ReactNode }) {
  const { errorText } = useI18n();
  const tx = useLabels(PASSWORD_TEXT);
  const user = useUser();
  const { problem, busy, run } = useFormCommand(onDone);
  const submit = (fields: OwnPasswordFields) =>
    void run(ownPasswordInput(fields, user.username), (input) => client.call('auth:changePassword', input), tx('done'));

  return (
    <Form<OwnPasswordFields> layout="vertical" initialValues={EMPTY} onFinish={submit} autoComplete="off" requiredMark={false}>
      <Form.Item name="currentPassword" label={tx('current')} validateStatus={fieldStatus(problem, 'currentPassword')}>
        <Input.Password data-testid="pw-current" autoComplete="current-password" maxLength={256} autoFocus />
      </Form.Item>
      <Form.Item name="newPassword" label={tx('next')} validateStatus={fieldStatus(problem, 'newPassword')}>
        <Input.Password data-testid="pw-new" autoComplete="new-password" maxLength={PASSWORD_MAX} />
      </Form.Item>
      <Form.Item name="repeat" label={tx('repeat')} validateStatus={fieldStatus(problem, 'repeat')}>
        <Input.Password data-testid="pw-repeat" autoComplete="new-password" maxLength={PASSWORD_MAX} />
      </Form.Item>
      <Typography.Paragraph type="secondary">{tx('rule')}</Typography.Paragraph>
      {problem && <Alert className="password-problem" type="error" showIcon title={errorText(problem)} data-testid="pw-problem" />}
      <Space>
        <Button data-testid="pw-submit" type="primary" htmlType="submit" loading={busy}>
          {tx('submit')}
        </Button>
        {extra}
      </Space>
    </Form>
  );
}
