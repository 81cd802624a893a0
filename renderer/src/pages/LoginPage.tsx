import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { BrandCard } from '../components/BrandCard';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t, errorText, lang, setLang } = useI18n();
  const { login, notice } = useSession();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<LoginForm>();

  const onFinish = async (values: LoginForm) => {
    setBusy(true);
    const failure = await login(values.username.trim(), values.password);
    setBusy(false);
    if (failure) {
      setError(failure);
      form.setFieldValue('password', '');
    }
  };

  // A fresh login error wins over the reason we were sent here (e.g. session expired).
  const shown = error ?? notice;

  return (
    <BrandCard title={t('app.name')} subtitle={t('login.subtitle')}>
      {shown && (
        <div data-testid="login-error" className="login-error" role="alert">
          <Alert type={error ? 'error' : 'warning'} title={errorText(shown)} showIcon />
        </div>
      )}
      <Form<LoginForm> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false}>
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
          <Input data-testid="login-username" autoComplete="username" autoFocus maxLength={64} size="large" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password data-testid="login-password" autoComplete="current-password" maxLength={256} size="large" />
        </Form.Item>
        <Button data-testid="login-submit" type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('login.submit')}
        </Button>
      </Form>
      <div className="login-footer">
        <Button data-testid="lang-switch" type="link" size="small" onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')}>
          {t('header.switchLang')}
        </Button>
      </div>
    </BrandCard>
  );
}
