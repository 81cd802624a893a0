import { useI18n } from '../i18n/I18nProvider';
import { formatSlaDuration, slaStatus } from '../format/sla';
import { useNow } from '../hooks/useNow';

/**
 * Remaining working time to the SLA deadline, refreshed every 30 s: red "超时 2h10m" once breached, orange
 * under 60 working minutes, green otherwise; a dash where the stage has no SLA clock.
 */
export function SlaCountdown({ slaDueAt, testId }: { slaDueAt: string | null; testId?: string }) {
  const { t } = useI18n();
  const now = useNow();
  const status = slaStatus(slaDueAt, now);
  if (!status) {
    return (
      <span className="sla sla-none" data-testid={testId}>
        {t('common.none')}
      </span>
    );
  }
  const duration = formatSlaDuration(status, (count) => t('sla.days', { count }));
  return (
    <span className={`sla sla-${status.tone}`} data-testid={testId} data-sla-minutes={status.minutes}>
      {status.tone === 'breached' ? t('sla.overdue', { duration }) : duration}
    </span>
  );
}
