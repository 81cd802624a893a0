import { Button, Card, Descriptions, Empty, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { RejectedCommand } from '../../../shared/api/sync-api';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';
import { PageError } from '../components/PageError';
import { formatShanghai } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { navigate } from '../routing/routes';
import type { CommandName } from '../../../shared/commands/registry';
import { COMMAND_LABELS, SYNC_TEXT } from './sync-text';
import { useSyncStatus } from './useSyncStatus';

/** Sync status in full and the commands the central server refused, with its reasons. */
export function SyncPage() {
  const { pick } = useI18n();
  const { status, refresh } = useSyncStatus();
  const [items, setItems] = useState<RejectedCommand[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [syncing, setSyncing] = useState(false);

  const load = useCallback(async () => {
    const r = await client.call('sync:rejected', { limit: 200 });
    if (r.ok) {
      setItems(r.value.items);
      setError(null);
    } else setError(r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load, status?.rejectedCommands]);

  const syncNow = async () => {
    setSyncing(true);
    await client.call('sync:now', {});
    setSyncing(false);
    await refresh();
    await load();
  };

  if (error) return <PageError error={error} onRetry={() => void load()} />;
  const state = !status ? '' : status.mode === 'standalone' ? pick(SYNC_TEXT.standalone) : status.online ? pick(SYNC_TEXT.online) : status.online === false ? pick(SYNC_TEXT.offline) : pick(SYNC_TEXT.connecting);

  return (
    <Space orientation="vertical" size="large" className="page" data-testid="sync-page" style={{ width: '100%' }}>
      <Card
        title={pick(SYNC_TEXT.title)}
        extra={
          status?.mode === 'central' && (
            <Button data-testid="sync-now" loading={syncing} onClick={() => void syncNow()}>
              {pick(SYNC_TEXT.syncNow)}
            </Button>
          )
        }
      >
        {status && (
          <Descriptions
            column={2}
            size="small"
            items={[
              { key: 'state', label: pick(SYNC_TEXT.status), children: state },
              { key: 'server', label: pick(SYNC_TEXT.server), children: status.serverUrl ?? pick(SYNC_TEXT.standalone) },
              { key: 'pending', label: pick(SYNC_TEXT.pending), children: status.pendingCommands },
              { key: 'uploads', label: pick(SYNC_TEXT.uploads), children: status.pendingUploads },
              {
                key: 'last',
                label: pick(SYNC_TEXT.lastSync),
                children: status.lastSyncAt ? formatShanghai(status.lastSyncAt, { seconds: true }) : pick(SYNC_TEXT.never),
              },
              ...(status.offlineLoginHours !== null
                ? [{ key: 'offline', label: pick(SYNC_TEXT.offlineLogin), children: pick(SYNC_TEXT.hours).replace('{n}', String(status.offlineLoginHours)) }]
                : []),
              ...(status.lastError ? [{ key: 'error', label: pick(SYNC_TEXT.error), children: pick(status.lastError) }] : []),
            ]}
          />
        )}
        {status?.online === false && <Typography.Paragraph type="warning">{pick(SYNC_TEXT.offlineWhy)}</Typography.Paragraph>}
      </Card>
      <Card title={pick(SYNC_TEXT.rejectedTitle)}>
        <Typography.Paragraph type="secondary">{pick(SYNC_TEXT.rejectedHint)}</Typography.Paragraph>
        <Table<RejectedCommand>
          data-testid="sync-rejected-table"
          rowKey="commandId"
          size="small"
          loading={items === null}
          dataSource={items ?? []}
          locale={{ emptyText: <Empty description={pick(SYNC_TEXT.rejectedNone)} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: pick(SYNC_TEXT.colTime), dataIndex: 'rejectedAt', width: 170, render: (v: string) => formatShanghai(v, { seconds: true }) },
            {
              title: pick(SYNC_TEXT.colCase),
              dataIndex: 'appNo',
              width: 190,
              render: (_: unknown, r) => (r.caseId ? <a onClick={() => navigate({ name: 'case', caseId: r.caseId! })}>{r.appNo ?? r.caseId}</a> : '—'),
            },
            { title: pick(SYNC_TEXT.colCommand), dataIndex: 'command', width: 150, render: (c: string) => (Object.hasOwn(COMMAND_LABELS, c) ? pick(COMMAND_LABELS[c as CommandName]) : c) },
            { title: pick(SYNC_TEXT.colWho), dataIndex: 'actorName', width: 100 },
            { title: pick(SYNC_TEXT.colReason), key: 'reason', render: (_: unknown, r) => <span data-testid="sync-rejected-reason">{pick(r)}</span> },
            { title: pick(SYNC_TEXT.colDoneAt), dataIndex: 'createdAt', width: 170, render: (v: string) => formatShanghai(v, { seconds: true }) },
          ]}
        />
      </Card>
    </Space>
  );
}
