import { Alert, App, Button, Card, Input, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ManagedUser } from '../../../shared/api/users-api';
import { client } from '../api';
import { PageError } from '../components/PageError';
import { useNow } from '../hooks/useNow';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { AccountHistory } from '../users/AccountHistory';
import { UserDialogs, type UserDialog } from '../users/UserDialogs';
import { filterUsers } from '../users/user-status';
import { USERS_TEXT } from '../users/users-text';
import { UsersTable } from '../users/UsersTable';
import { useUserList } from '../users/useUserList';
import '../users/users.css';

/**
 * Administrator: the bank's accounts (用户管理) — create, edit roles, team and status, reset a password, lift
 * a lockout; auditors and supervisors see the same page read-only (who holds which role, every change). On a
 * desktop synced with a central server the accounts are the server's and changes go there.
 */
export function UsersPage() {
  const { t, errorText, pick } = useI18n();
  const tx = useLabels(USERS_TEXT);
  const { message } = App.useApp();
  const now = useNow();
  const { list, loadError, load } = useUserList();
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<UserDialog>(null);
  const [unlocking, setUnlocking] = useState<string | null>(null);
  const shown = useMemo(() => filterUsers(list?.users ?? [], filter), [list, filter]);

  const unlock = async (user: ManagedUser) => {
    setUnlocking(user.id);
    const result = await client.call('users:unlock', { id: user.id });
    setUnlocking(null);
    if (!result.ok) return void message.error(errorText(result.error));
    void message.success(tx('unlocked', { username: user.username }));
    await load();
  };

  if (!list) {
    return <div className="page">{loadError ? <PageError error={loadError} onRetry={() => void load()} /> : <Skeleton active paragraph={{ rows: 6 }} />}</div>;
  }
  const readOnly = list.readOnly;
  return (
    <div className="page users-page" data-testid="users-page">
      <Typography.Title level={4} className="page-title">
        {tx('title')}
      </Typography.Title>
      <Card>
        {readOnly ? (
          <Alert className="users-alert" type="info" showIcon title={pick(readOnly)} data-testid="users-read-only" />
        ) : (
          <Typography.Paragraph type="secondary">{tx('intro')}</Typography.Paragraph>
        )}
        {loadError && (
          <div className="users-alert">
            <PageError error={loadError} onRetry={() => void load()} />
          </div>
        )}
        <Space className="users-toolbar">
          <Input data-testid="users-filter" className="users-filter" allowClear placeholder={tx('filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
          <Button data-testid="users-refresh" onClick={() => void load()}>
            {t('common.refresh')}
          </Button>
          {!readOnly && (
            <Button data-testid="users-new" type="primary" onClick={() => setDialog({ kind: 'create' })}>
              {tx('newUser')}
            </Button>
          )}
        </Space>
        <UsersTable
          users={shown}
          now={now}
          editable={readOnly === null}
          unlocking={unlocking}
          onEdit={(user) => setDialog({ kind: 'edit', user })}
          onReset={(user) => setDialog({ kind: 'reset', user })}
          onUnlock={(user) => void unlock(user)}
        />
      </Card>
      <AccountHistory reloadKey={list} users={list.users} />
      <UserDialogs
        dialog={dialog}
        users={list.users}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          void load();
        }}
        onStale={() => void load()}
      />
    </div>
  );
}
