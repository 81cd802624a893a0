import { Menu, type MenuProps } from 'antd';
import { QUEUE_LABELS } from '../../../shared/api/queues';
import { useI18n } from '../i18n/I18nProvider';
import { navigate, type Route } from '../routing/routes';
import { useSession, useUser } from '../session/SessionProvider';
import { visibleQueues } from '../session/visible-queues';

function selectedKey(route: Route): string {
  switch (route.name) {
    case 'queue':
      return `queue:${route.queueId}`;
    case 'audit':
      return 'audit';
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
  if (can('audit.verify')) {
    items.push({ type: 'divider' }, { key: 'audit', label: <span data-testid="nav-audit">{t('nav.audit')}</span> });
  }

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'work') navigate({ name: 'work' });
    else if (key === 'audit') navigate({ name: 'audit' });
    else if (key.startsWith('queue:')) navigate({ name: 'queue', queueId: key.slice('queue:'.length) });
  };

  return <Menu mode="inline" items={items} selectedKeys={[selectedKey(route)]} onClick={onClick} className="app-menu" />;
}
