import { Alert, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';
import { AuditTrail } from '../audit/AuditTrail';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';

type Verification = ApiOutput<'audit:verify'>;

export function AuditPage() {
  const { t, errorText, pick } = useI18n();
  const { can } = useSession();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Verification | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const verify = async () => {
    setBusy(true);
    const result = await client.call('audit:verify', {});
    setBusy(false);
    if (result.ok) {
      setOutcome(result.value);
      setError(null);
    } else {
      setOutcome(null);
      setError(result.error);
    }
  };

  return (
    <div className="page">
      <Typography.Title level={4} className="page-title">
        {t('audit.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('audit.description')}</Typography.Paragraph>
        <Button data-testid="audit-verify" type="primary" loading={busy} onClick={() => void verify()}>
          {t('audit.verify')}
        </Button>
        {(outcome || error) && (
          <div data-testid="audit-result" className="audit-result" data-ok={outcome ? String(outcome.ok && !outcome.firstBroken) : 'error'}>
            {error && <Alert type="error" showIcon title={errorText(error)} />}
            {outcome && outcome.ok && !outcome.firstBroken && <Alert type="success" showIcon title={t('audit.ok', { count: outcome.checked })} />}
            {outcome && (!outcome.ok || outcome.firstBroken) && (
              <Alert
                type="error"
                showIcon
                title={
                  <span className="audit-broken">
                    {t('audit.broken', {
                      seq: outcome.firstBroken?.seq ?? '?',
                      reason: outcome.firstBroken ? pick(outcome.firstBroken.reason) : '',
                      count: outcome.checked,
                    })}
                  </span>
                }
              />
            )}
          </div>
        )}
      </Card>
      {can('audit.view') && <AuditTrail />}
    </div>
  );
}
