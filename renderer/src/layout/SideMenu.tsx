import { Menu, type MenuProps } from 'antd';
import { QUEUE_LABELS } from '../../../shared/api/queues';
import { mayViewAuthority } from '../../../shared/approval/authority';
import { mayReviewAccounts } from '../../../shared/users/user-admin';
import { AUTHORITY_TEXT } from '../authority/authority-text';
import { CONTRACT_TEXT } from '../contracts/contract-text';
import { DASHBOARD_TEXT } from '../dashboard/dashboard-text';
import { ADMIN_TEXT as SCREENING_ADMIN_TEXT } from '../screening/admin-text';
import { useI18n } from '../i18n/I18nProvider';
import { SYNC_TEXT } from '../sync/sync-text';
import { USERS_TEXT } from '../users/users-text';
import { navigate, type Route } from '../routing/routes';
import { useSession, useUser } from '../session/SessionProvider';
import { visibleQueues } from '../session/visible-queues';

function selectedKey(route: Route): string {
  switch (route.name) {
    case 'queue':
      return `queue:${route.queueId}`;
    case 'audit':
      return 'audit';
    case 'dashboard':
      return 'dashboard';
    case 'sync':
      return 'sync';
    case 'authority':
      return 'authority';
    case 'contracts':
      return 'contracts';
    case 'contractTemplates':
      return 'contractTemplates';
    case 'screeningRules':
      return 'screeningRules';
    case 'users':
      return 'users';
    case 'case':
      return ''; // a case belongs to several queues at once; highlight none
    default:
      return 'work';
  }
}

export function SideMenu({ route }: { route: Route }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const user = useUser();

  // Test ids sit on the labels: antd does not forward arbitrary attributes of menu items to their <li>.
  const items: MenuProps['items'] = [
    { key: 'work', label: <span data-testid="nav-work">{t('nav.work')}</span> },
    {
      type: 'group',
      key: 'queues',
      label: t('nav.queues'),
      children: visibleQueues(user).map((queue) => ({
        key: `queue:${queue}`,
        label: <span data-testid={`nav-queue-${queue}`}>{pick(QUEUE_LABELS[queue])}</span>,
      })),
    },
  ];
  if (can('case.view_all') && can('case.assign')) {
    items.push({ type: 'divider' }, { key: 'dashboard', label: <span data-testid="nav-dashboard">{pick(DASHBOARD_TEXT.nav)}</span> });
  }
  if (can('contract.work')) {
    items.push({ type: 'divider' }, { key: 'contracts', label: <span data-testid="nav-contracts">{pick(CONTRACT_TEXT.nav)}</span> });
  }
  if (can('audit.verify')) {
    items.push({ type: 'divider' }, { key: 'audit', label: <span data-testid="nav-audit">{t('nav.audit')}</span> });
  }
  // Officers and auditors read the matrix that sets the limits (read-only); administrators edit it.
  if (mayViewAuthority(user.permissions)) {
    items.push({ type: 'divider' }, { key: 'authority', label: <span data-testid="nav-authority">{pick(AUTHORITY_TEXT.nav)}</span> });
  }
  if (can('admin.manage')) {
    items.push({ key: 'contractTemplates', label: <span data-testid="nav-contract-templates">{pick(CONTRACT_TEXT.navTemplates)}</span> });
  }
  if (can('admin.manage')) {
    items.push({ key: 'screeningRules', label: <span data-testid="nav-screening-rules">{pick(SCREENING_ADMIN_TEXT.nav)}</span> });
  }
  if (mayReviewAccounts(user.permissions)) {
    items.push({ key: 'users', label: <span data-testid="nav-users">{pick(USERS_TEXT.nav)}</span> });
  }

  items.push({ type: 'divider' }, { key: 'sync', label: <span data-testid="nav-sync">{pick(SYNC_TEXT.nav)}</span> });

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'work') navigate({ name: 'work' });
    else if (key === 'audit') navigate({ name: 'audit' });
    else if (key === 'dashboard') navigate({ name: 'dashboard' });
    else if (key === 'sync') navigate({ name: 'sync' });
    else if (key === 'authority') navigate({ name: 'authority' });
    else if (key === 'screeningRules') navigate({ name: 'screeningRules' });
    else if (key === 'users') navigate({ name: 'users' });
    else if (key === 'contracts') navigate({ name: 'contracts', caseId: null });
    else if (key === 'contractTemplates') navigate({ name: 'contractTemplates' });
    else if (key.startsWith('queue:')) navigate({ name: 'queue', queueId: key.slice('queue:'.length) });
  };

  return <Menu mode="inline" items={items} selectedKeys={[selectedKey(route)]} onClick={onClick} className="app-menu" />;
}
