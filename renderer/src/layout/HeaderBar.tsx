import { Button, Layout, Modal, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/auth/roles';
import { useI18n } from '../i18n/I18nProvider';
import { ChangePasswordForm } from '../session/ChangePasswordForm';
import { PASSWORD_TEXT } from '../session/password-text';
import { useSession, useUser } from '../session/SessionProvider';
import { SyncStatusIndicator } from '../sync/SyncStatusIndicator';

export function HeaderBar() {
  const { t, pick, lang, setLang } = useI18n();
  const { logout } = useSession();
  const user = useUser();
  const [changing, setChanging] = useState(false);

  return (
    <Layout.Header className="app-header">
      <div className="app-header-brand">
        <span className="app-header-logo" aria-hidden="true">
          信
        </span>
        <Typography.Text className="app-header-title">{t('app.name')}</Typography.Text>
      </div>
      <Space size="middle">
        <SyncStatusIndicator />
        <span data-testid="header-user" className="app-header-user">
          <Typography.Text strong className="app-header-user-name">
            {user.displayName}
          </Typography.Text>
          {user.roles.map((role) => (
            <Tag key={role} variant="filled" className="app-header-role">
              {pick(ROLE_LABELS[role])}
            </Tag>
          ))}
        </span>
        <Tooltip title={t('header.switchLangTip')}>
          <Button
            data-testid="lang-switch"
            size="small"
            onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')}
          >
            {t('header.switchLang')}
          </Button>
        </Tooltip>
        <Button data-testid="header-change-password" size="small" onClick={() => setChanging(true)}>
          {pick(PASSWORD_TEXT.change)}
        </Button>
        <Button data-testid="logout" size="small" onClick={() => void logout()}>
          {t('header.logout')}
        </Button>
      </Space>
      <Modal open={changing} title={pick(PASSWORD_TEXT.change)} footer={null} destroyOnHidden maskClosable={false} onCancel={() => setChanging(false)}>
        <ChangePasswordForm onDone={() => setChanging(false)} />
      </Modal>
    </Layout.Header>
  );
}
