import { Card, Col, Empty, Row, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { QUEUE_LABELS, type QueueId } from '../../../shared/api/queues';
import type { QueueCounts } from '../../../shared/api/schemas';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';
import { PageError } from '../components/PageError';
import { useCasesChanged } from '../hooks/useCasesChanged';
import { useI18n } from '../i18n/I18nProvider';
import { navigate } from '../routing/routes';
import { useUser } from '../session/SessionProvider';
import { visibleQueues } from '../session/visible-queues';

type Count = QueueCounts['queues'][number];

export function WorkPage() {
  const { t, pick } = useI18n();
  const user = useUser();
  const [counts, setCounts] = useState<Count[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    const result = await client.call('queue:counts', {});
    if (result.ok) {
      setCounts(result.value.queues);
      setError(null);
    } else {
      setError(result.error);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  useCasesChanged(() => void load());

  // Cards in menu order; the host decides which queues it counts, we only show those the user may open.
  const allowed = visibleQueues(user);
  const cards = counts ? allowed.flatMap((queue) => counts.filter((c) => c.queue === queue)) : [];

  return (
    <div className="page">
      <Typography.Title level={4} className="page-title">
        {t('work.title')}
      </Typography.Title>
      {error && <PageError error={error} onRetry={() => void load()} />}
      {!counts && !error && <Spin />}
      {counts && cards.length === 0 && <Empty description={t('work.empty')} />}
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col key={c.queue} xs={24} sm={12} lg={8} xxl={6}>
            <QueueCard count={c} label={pick(QUEUE_LABELS[c.queue])} />
          </Col>
        ))}
      </Row>
      {cards.length > 0 && (
        <Typography.Paragraph type="secondary" className="page-hint">
          {t('work.hint')}
        </Typography.Paragraph>
      )}
    </div>
  );
}

function QueueCard({ count, label }: { count: Count; label: string }) {
  const { t } = useI18n();
  const open = () => navigate({ name: 'queue', queueId: count.queue satisfies QueueId });
  return (
    <Card
      hoverable
      data-testid={`queue-card-${count.queue}`}
      className="queue-card"
      onClick={open}
      tabIndex={0}
      role="button"
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      }}
    >
      <div className="queue-card-label">{label}</div>
      <div className="queue-card-count">
        <span data-testid={`queue-count-${count.queue}`}>{count.count}</span>
        <span className="queue-card-unit">{t('work.cases')}</span>
      </div>
      <div className={count.breaching > 0 ? 'queue-card-breaching' : 'queue-card-ok'}>
        {count.breaching > 0 ? t('work.breaching', { count: count.breaching }) : t('work.noBreach')}
      </div>
    </Card>
  );
}
