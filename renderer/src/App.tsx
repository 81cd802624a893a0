import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AppLayout } from './layout/AppLayout';
import { I18nProvider, useI18n } from './i18n/I18nProvider';
import { AuditPage } from './pages/AuditPage';
import { AuthorityPage } from './pages/AuthorityPage';
import { CasePage } from './pages/CasePage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { LoginPage } from './pages/LoginPage';
import { WorkPage } from './pages/WorkPage';
import { useRoute, type Route } from './routing/routes';
import { SessionProvider, useSession, useUser } from './session/SessionProvider';
import { mayViewAuthority } from '../../shared/approval/authority';
import { mayReviewAccounts } from '../../shared/users/user-admin';
import { SyncPage } from './sync/SyncPage';

// AG Grid is most of the bundle; the login page and 我的工作 do not need it.
const QueuePage = lazy(() => import('./pages/QueuePage').then((m) => ({ default: m.QueuePage })));
// ECharts and the dashboard load only when a supervisor opens it.
const DashboardPage = lazy(() => import('./dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
// pdf.js and the contract pages load only when the contract desk or its templates are opened.
const ContractDeskPage = lazy(() => import('./contracts/ContractDeskPage').then((m) => ({ default: m.ContractDeskPage })));
const ContractTemplatesPage = lazy(() => import('./contracts/ContractTemplatesPage').then((m) => ({ default: m.ContractTemplatesPage })));
// The user administration page is for administrators only.
const UsersPage = lazy(() => import('./pages/UsersPage').then((m) => ({ default: m.UsersPage })));
// The screening admin page (rules, parameters, negative-list import) is for administrators only.
const ScreeningAdminPage = lazy(() => import('./screening/ScreeningAdminPage').then((m) => ({ default: m.ScreeningAdminPage })));

const THEME = {
  token: {
    colorPrimary: '#1456a0',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

export function App() {
  return (
    <I18nProvider>
      <LocalisedApp />
    </I18nProvider>
  );
}

function LocalisedApp() {
  const { lang } = useI18n();
  // The date pickers take month and weekday names and the first day of the week from dayjs's global locale,
  // not from antd's: set before they render (antd's zh_CN alone left them "Su Mo … / Jan", weeks from Sunday).
  dayjs.locale(lang === 'en-US' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={lang === 'en-US' ? enUS : zhCN} theme={THEME}>
      <AntApp className="app-ant-root">
        <SessionProvider>
          <Screens />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function Screens() {
  const { status, user } = useSession();
  const route = useRoute();
  if (status === 'restoring') {
    return (
      <div className="app-splash">
        <Spin size="large" />
      </div>
    );
  }
  if (status === 'anonymous') return <LoginPage />;
  if (user?.mustChangePassword) return <ChangePasswordPage />;
  return (
    <AppLayout route={route}>
      <Page route={route} />
    </AppLayout>
  );
}

function Page({ route }: { route: Route }) {
  const { can } = useSession();
  const user = useUser();
  switch (route.name) {
    case 'work':
      return <WorkPage />;
    case 'queue':
      // Keyed so switching queues starts with fresh filters and a fresh grid.
      return (
        <Suspense fallback={<Spin className="page-spin" />}>
          <QueuePage key={route.queueId} queueId={route.queueId} />
        </Suspense>
      );
    case 'case':
      return <CasePage key={route.caseId} caseId={route.caseId} />;
    case 'audit':
      return can('audit.verify') ? <AuditPage /> : <Result status="403" />;
    case 'authority':
      return mayViewAuthority(user.permissions) ? <AuthorityPage /> : <Result status="403" />;
    case 'contracts':
      return can('contract.work') ? (
        <Suspense fallback={<Spin className="page-spin" />}>
          <ContractDeskPage caseId={route.caseId} />
        </Suspense>
      ) : (
        <Result status="403" />
      );
    case 'contractTemplates':
      return can('admin.manage') ? (
        <Suspense fallback={<Spin className="page-spin" />}>
          <ContractTemplatesPage />
        </Suspense>
      ) : (
        <Result status="403" />
      );
    case 'screeningRules':
      return can('admin.manage') ? (
        <Suspense fallback={<Spin className="page-spin" />}>
          <ScreeningAdminPage />
        </Suspense>
      ) : (
        <Result status="403" />
      );
    case 'users':
      return mayReviewAccounts(user.permissions) ? (
        <Suspense fallback={<Spin className="page-spin" />}>
          <UsersPage />
        </Suspense>
      ) : (
        <Result status="403" />
      );
    case 'dashboard':
      return can('case.view_all') ? (
        <Suspense fallback={<Spin className="page-spin" />}>
          <DashboardPage />
        </Suspense>
      ) : (
        <Result status="403" />
      );
    case 'sync':
      return <SyncPage />;
    case 'unknown':
      return <Result status="404" />;
  }
}
