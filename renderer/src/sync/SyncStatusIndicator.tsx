import { App, Badge, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { client } from '../api';
import { formatShanghai } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { LABEL_SEPARATOR, listText } from '../i18n/list-text';
import { navigate } from '../routing/routes';
import { SYNC_TEXT } from './sync-text';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';

/**
 * Always in the header: online/offline (and why offline matters), commands waiting to be sent, the last
 * sync, the last error. A command the server refused pops up once with the server's reason.
 */
export function SyncStatusIndicator() {
  const { pick, lang } = useI18n();
  const { notification } = App.useApp();
  const { status } = useSyncStatus();
  const seenRejected = useRef<number | null>(null);

  useEffect(() => {
    if (!status) return;
    const before = seenRejected.current;
    seenRejected.current = status.rejectedCommands;
    if (before === null || status.rejectedCommands <= before) return;
    void client.call('sync:rejected', { limit: status.rejectedCommands - before }).then((r) => {
      if (!r.ok) return;
      for (const item of r.value.items) {
        notification.warning({
          key: `rejected-${item.commandId}`,
          title: pick(SYNC_TEXT.notifyTitle),
          description: (
            <span data-testid="sync-rejected-notice">
              {item.appNo ? item.appNo + pick(LABEL_SEPARATOR) : ''}
              {pick(item)}
            </span>
          ),
          actions: (
            <Button size="small" onClick={() => navigate({ name: 'sync' })}>
              {pick(SYNC_TEXT.notifyMore)}
            </Button>
          ),
          duration: 8,
        });
      }
    });
  }, [status, notification, pick, lang]);

  if (!status) return null;
  const standalone = status.mode === 'standalone';
  const state = standalone ? 'standalone' : status.online === null ? 'connecting' : status.online ? 'online' : 'offline';
  const color = { standalone: 'default', connecting: 'processing', online: 'success', offline: 'error' }[state];
  const tip = (
    <div className="sync-tip">
      {state === 'offline' && <p>{pick(SYNC_TEXT.offlineWhy)}</p>}
      {standalone && <p>{pick(SYNC_TEXT.standaloneWhy)}</p>}
      {status.waitingForLogin.length > 0 && (
        <p>
          {pick(SYNC_TEXT.waitingForLogin)}
          {listText(status.waitingForLogin, pick)}
        </p>
      )}
      {status.lastError && <p>{pick(status.lastError)}</p>}
    </div>
  );

  return (
    <Tooltip title={tip}>
      <Space size={6} className="sync-status" data-testid="sync-status" data-state={state} onClick={() => navigate({ name: 'sync' })}>
        <Badge status={color as 'default' | 'processing' | 'success' | 'error'} />
        <Tag color={state === 'offline' ? 'red' : undefined} variant="filled" data-testid="sync-online">
          {pick(SYNC_TEXT[state])}
        </Tag>
        {!standalone && (
          <Typography.Text type={status.pendingCommands ? 'warning' : 'secondary'} data-testid="sync-pending">
            {pick(SYNC_TEXT.pending)} {status.pendingCommands}
          </Typography.Text>
        )}
        {!standalone && status.pendingUploads > 0 && (
          <Typography.Text type="warning" data-testid="sync-uploads">
            {pick(SYNC_TEXT.uploads)} {status.pendingUploads}
          </Typography.Text>
        )}
        {!standalone && (
          <Typography.Text type="secondary" data-testid="sync-last">
            {status.lastSyncAt ? `${pick(SYNC_TEXT.lastSync)} ${formatShanghai(status.lastSyncAt, { seconds: true }).slice(11)}` : pick(SYNC_TEXT.never)}
          </Typography.Text>
        )}
        {status.lastError && <Badge status="warning" data-testid="sync-error" />}
        {status.rejectedCommands > 0 && <Badge count={status.rejectedCommands} size="small" data-testid="sync-rejected-count" />}
      </Space>
    </Tooltip>
  );
}
