import { Alert, Button } from 'antd';
import type { AppError } from '../../../shared/errors';
import { useI18n } from '../i18n/I18nProvider';

/** A load failure with the host's message and a retry button. */
export function PageError({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  const { t, errorText } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
