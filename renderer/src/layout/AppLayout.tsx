import { Layout } from 'antd';
import type { ReactNode } from 'react';
import type { Route } from '../routing/routes';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';

export function AppLayout({ route, children }: { route: Route; children: ReactNode }) {
  return (
    <Layout className="app-root">
      <HeaderBar />
      <Layout>
        <Layout.Sider width={208} theme="light" className="app-sider">
          <SideMenu route={route} />
        </Layout.Sider>
        <Layout.Content className="app-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
