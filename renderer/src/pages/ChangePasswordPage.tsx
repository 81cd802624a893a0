import { Button, Typography } from 'antd';
import { BrandCard } from '../components/BrandCard';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { ChangePasswordForm } from '../session/ChangePasswordForm';
import { PASSWORD_TEXT } from '../session/password-text';
import { useSession } from '../session/SessionProvider';

/**
 * The first screen after logging in with a password an administrator set: nothing else opens until the user
 * has set his own (the host refuses every other call meanwhile).
 */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const tx = useLabels(PASSWORD_TEXT);
  const { logout, refreshUser } = useSession();
  return (
    <BrandCard title={tx('firstTitle')} subtitle={t('app.name')} testId="change-password-page">
      <Typography.Paragraph>{tx('firstHint')}</Typography.Paragraph>
      <ChangePasswordForm
        onDone={() => void refreshUser()}
        extra={
          <Button data-testid="pw-logout" onClick={() => void logout()}>
            {tx('logout')}
          </Button>
        }
      />
    </BrandCard>
  );
}
