import { Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { ManagedUser } from '../../../shared/api/users-api';
import { ROLE_LABELS } from '../../../shared/auth/roles';
import { formatShanghai } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { actorText } from '../i18n/actor-text';
import { useLabels } from '../i18n/use-labels';
import { TEAM_LABELS } from '../screening/screening-text';
import { isLocked, statusTags, type StatusTag } from './user-status';
import { USERS_TEXT } from './users-text';

interface Props {
  users: ManagedUser[];
  now: number;
  /** False where the list is read-only: no actions at all. */
  editable: boolean;
  /** The account being unlocked, whose button spins. */
  unlocking: string | null;
  onEdit(user: ManagedUser): void;
  onReset(user: ManagedUser): void;
  onUnlock(user: ManagedUser): void;
}

const STATUS_COLOR: Record<StatusTag['kind'], string> = { active: 'green', disabled: 'default', locked: 'orange', mustChange: 'blue' };

/** The accounts, one row each (tens to hundreds: a plain antd table, filtered on the page). */
export function UsersTable({ users, now, editable, unlocking, onEdit, onReset, onUnlock }: Props) {
  const { pick } = useI18n();
  const tx = useLabels(USERS_TEXT);

  const statusText = (tag: StatusTag) => (tag.kind === 'locked' ? tx('lockedUntil', { time: formatShanghai(tag.until) }) : tx(tag.kind));

  const actions = (u: ManagedUser) =>
    u.system ? (
      <Typography.Text type="secondary">{tx('systemUser')}</Typography.Text>
    ) : (
      <Space size={0}>
        <Button type="link" size="small" data-testid={`user-edit-${u.username}`} onClick={() => onEdit(u)}>
          {tx('edit')}
        </Button>
        <Button type="link" size="small" data-testid={`user-reset-${u.username}`} onClick={() => onReset(u)}>
          {tx('resetPassword')}
        </Button>
        {isLocked(u, now) && (
          <Button type="link" size="small" data-testid={`user-unlock-${u.username}`} loading={unlocking === u.id} onClick={() => onUnlock(u)}>
            {tx('unlock')}
          </Button>
        )}
      </Space>
    );

  const columns: TableColumnsType<ManagedUser> = [
    { key: 'username', title: tx('username'), dataIndex: 'username', width: 160, sorter: (a, b) => a.username.localeCompare(b.username) },
    { key: 'displayName', title: tx('displayName'), width: 140, render: (_, u) => actorText(u.id, u.displayName, pick) },
    {
      key: 'roles',
      title: tx('roles'),
      render: (_, u) => u.roles.map((r) => <Tag key={r}>{pick(ROLE_LABELS[r])}</Tag>),
    },
    { key: 'team', title: tx('team'), width: 150, render: (_, u) => (u.team ? pick(TEAM_LABELS[u.team]) : tx('teamAll')) },
    {
      key: 'status',
      title: tx('status'),
      width: 240,
      render: (_, u) => (
        <span data-testid={`user-status-${u.username}`}>
          {statusTags(u, now).map((tag) => (
            <Tag key={tag.kind} color={STATUS_COLOR[tag.kind]}>
              {statusText(tag)}
            </Tag>
          ))}
        </span>
      ),
    },
    ...(editable ? [{ key: 'actions', title: tx('actions'), width: 230, render: (_: unknown, u: ManagedUser) => actions(u) }] : []),
  ];

  return (
    <div data-testid="users-table">
      <Table<ManagedUser>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={users}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: tx('empty') }}
        onRow={(u) => ({ 'data-testid': `user-row-${u.username}` }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
