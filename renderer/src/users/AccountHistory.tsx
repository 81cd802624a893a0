import { Button, Card, Select, Table, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AccountEvent, ManagedUser } from '../../../shared/api/users-api';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';
import { PageError } from '../components/PageError';
import { formatShanghai } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { ACCOUNT_EVENT_LABELS, detailLines } from './account-history';
import { USERS_TEXT } from './users-text';

const LIMIT = 200;

/**
 * Account changes, newest first (who gave whom which role, disabled, reset, unlocked; lockouts by wrong
 * passwords), of every account or of the one chosen, 200 at a time with the older ones on request. Read
 * again from the newest whenever `reloadKey` changes: the page passes its list, reloaded after each change.
 */
export function AccountHistory({ reloadKey, users }: { reloadKey: unknown; users: readonly ManagedUser[] }) {
  const { pick } = useI18n();
  const tx = useLabels(USERS_TEXT);
  const [userId, setUserId] = useState<string | undefined>(undefined);
  const [events, setEvents] = useState<AccountEvent[] | null>(null);
  const [older, setOlder] = useState<number | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [attempt, setAttempt] = useState(0);
  /** Which reading the shown rows belong to: an older page that arrives after the filter changed is dropped. */
  const reading = useRef(0);

  useEffect(() => {
    let cancelled = false;
    reading.current++;
    setEvents(null);
    void client.call('users:history', { limit: LIMIT, userId }).then((result) => {
      if (cancelled) return;
      setError(result.ok ? null : result.error);
      if (result.ok) {
        setEvents(result.value.events);
        setOlder(result.value.older);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [reloadKey, attempt, userId]);

  const loadOlder = async () => {
    if (older === null) return;
    setLoadingOlder(true);
    const mine = reading.current;
    const result = await client.call('users:history', { limit: LIMIT, userId, before: older });
    setLoadingOlder(false);
    if (mine !== reading.current) return;
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setEvents((shown) => [...(shown ?? []), ...result.value.events]);
      setOlder(result.value.older);
    }
  };

  const columns: TableColumnsType<AccountEvent> = [
    { key: 'at', title: tx('historyAt'), width: 170, render: (_, e) => formatShanghai(e.at, { seconds: true }) },
    { key: 'user', title: tx('historyUser'), width: 200, render: (_, e) => tx('accountName', { name: e.displayName, username: e.username }) },
    { key: 'action', title: tx('historyAction'), width: 140, render: (_, e) => pick(ACCOUNT_EVENT_LABELS[e.action]) },
    { key: 'by', title: tx('historyBy'), width: 140, render: (_, e) => e.byName ?? tx('byLockout') },
    {
      key: 'details',
      title: tx('historyDetails'),
      render: (_, e) => detailLines(e, pick).map((line) => <div key={line}>{line}</div>),
    },
  ];

  const accountFilter = (
    <Select
      data-testid="history-user"
      className="history-user"
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={tx('historyAllAccounts')}
      value={userId}
      onChange={(id: string | undefined) => setUserId(id)}
      options={users.map((u) => ({ value: u.id, label: tx('accountName', { name: u.displayName, username: u.username }) }))}
    />
  );

  return (
    <Card title={tx('history')} extra={accountFilter} className="users-history" data-testid="users-history">
      {error && <PageError error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      <Table<AccountEvent>
        rowKey={(e) => `${e.at}|${e.userId}|${e.action}`}
        size="small"
        loading={events === null && !error}
        columns={columns}
        dataSource={events ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: tx('historyEmpty') }}
      />
      {older !== null && (
        <Button data-testid="history-older" className="history-older" loading={loadingOlder} onClick={() => void loadOlder()}>
          {tx('historyOlder', { n: LIMIT })}
        </Button>
      )}
    </Card>
  );
}
