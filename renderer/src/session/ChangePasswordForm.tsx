import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { AppError } from '../../../shared/errors';
import { PASSWORD_MAX } from '../../../shared/users/user-admin';
import { client } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { ownPasswordInput, type OwnPasswordFields } from './own-password';
import { PASSWORD_TEXT } from './password-text';
import { useUser } from './SessionProvider';

const EMPTY: OwnPasswordFields = { current: '', next: '', repeat: '' };

/** Which form field a refusal names (the host names `currentPassword` / `newPassword`). */
const FIELD: Record<string, keyof OwnPasswordFields> = { currentPassword: 'current', newPassword: 'next', repeat: 'repeat' };

/**
 * The user's own new password: current, new, new again; checked here as the host checks it, then sent. A
 * refusal stays on the form, the field it names marked.
 */
export function ChangePasswordForm({ onDone, extra }: { onDone(): void; extra?: ReactNode }) {
  const { errorText } = useI18n();
  const tx = useLabels(PASSWORD_TEXT);
  const user = useUser();
  const [problem, setProblem] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const field = typeof problem?.details?.field === 'string' ? FIELD[problem.details.field] : undefined;
  const status = (name: keyof OwnPasswordFields) => (field === name ? 'error' : undefined);

  const submit = async (fields: OwnPasswordFields) => {
    const input = ownPasswordInput(fields, user.username);
    if (!input.ok) return setProblem(input.error);
    setProblem(null);
    setBusy(true);
    const result = await client.call('auth:changePassword', input.value);
    setBusy(false);
    if (!result.ok) return setProblem(result.error);
    onDone();
  };

  return (
    <Form<OwnPasswordFields> layout="vertical" initialValues={EMPTY} onFinish={(v) => void submit(v)} autoComplete="off" requiredMark={false}>
      <Form.Item name="current" label={tx('current')} validateStatus={status('current')}>
        <Input.Password data-testid="pw-current" autoComplete="current-password" maxLength={256} autoFocus />
      </Form.Item>
      <Form.Item name="next" label={tx('next')} validateStatus={status('next')}>
        <Input.Password data-testid="pw-new" autoComplete="new-password" maxLength={PASSWORD_MAX} />
      </Form.Item>
      <Form.Item name="repeat" label={tx('repeat')} validateStatus={status('repeat')}>
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
