import { Table, Typography, type TableColumnsType } from 'antd';
import type { HistoryEntry } from '../../../shared/api/schemas';
import { STATE_LABELS } from '../../../shared/workflow/states';
import { formatShanghai } from '../format/time';
import { actorText } from '../i18n/actor-text';
import { useI18n } from '../i18n/I18nProvider';
import { actionLabel, detailLines } from './history-labels';

export function HistoryTable({ history }: { history: HistoryEntry[] }) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const columns: TableColumnsType<HistoryEntry> = [
    { key: 'at', title: t('history.time'), width: 150, render: (_, h) => formatShanghai(h.at) },
    { key: 'actor', title: t('history.actor'), width: 110, render: (_, h) => actorText(h.actorId, h.actorName, pick) },
    { key: 'action', title: t('history.action'), width: 150, render: (_, h) => actionLabel(h.action, pick) },
    {
      key: 'states',
      title: t('history.states'),
      width: 220,
      render: (_, h) =>
        h.fromState || h.toState ? (
          <span>
            {h.fromState ? pick(STATE_LABELS[h.fromState]) : '—'} → {h.toState ? pick(STATE_LABELS[h.toState]) : '—'}
          </span>
        ) : null,
    },
    {
      key: 'details',
      title: t('history.details'),
      render: (_, h) =>
        detailLines(h.details, i18n).map((line) => (
          <div key={line} className="history-detail">
            {line}
          </div>
        )),
    },
  ];
  return (
    <div data-testid="case-history">
      <Typography.Title level={5} className="case-history-title">
        {t('case.section.history')}
      </Typography.Title>
      <Table<HistoryEntry>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={history}
        pagination={false}
        locale={{ emptyText: t('history.empty') }}
      />
    </div>
  );
}
