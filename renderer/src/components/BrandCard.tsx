import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred card with the bank's mark that a user meets before the workbench: login, first password. */
export function BrandCard({ title, subtitle, testId, children }: { title: string; subtitle: string; testId?: string; children: ReactNode }) {
  return (
    <div className="login-page" data-testid={testId}>
      <Card className="login-card">
        <div className="login-brand">
          <span className="app-header-logo" aria-hidden="true">
            信
          </span>
          <div>
            <Typography.Title level={3} className="login-title">
              {title}
            </Typography.Title>
            <Typography.Text type="secondary">{subtitle}</Typography.Text>
          </div>
        </div>
        {children}
      </Card>
    </div>
  );
}
