import { Button, Space, Tooltip } from 'antd';
import type { MessageKey } from '../i18n/zh-CN';
import { useI18n } from '../i18n/I18nProvider';
import type { CaseAction } from './case-actions';

const BUTTONS: { action: CaseAction; label: MessageKey; shortcut?: string; primary?: boolean; danger?: boolean }[] = [
  { action: 'claim', label: 'action.claim', shortcut: 'C', primary: true },
  { action: 'pass', label: 'action.pass', shortcut: 'P', primary: true },
  { action: 'return', label: 'action.return', shortcut: 'B', danger: true },
  { action: 'release', label: 'action.release', shortcut: 'R' },
  { action: 'assign', label: 'action.assign' },
];

interface Props {
  available: Record<CaseAction, boolean>;
  busy: CaseAction | null;
  onAction(action: CaseAction): void;
}

/** Only the actions that make sense are rendered; each tooltip names its keyboard shortcut. */
export function CaseActions({ available, busy, onAction }: Props) {
  const { t } = useI18n();
  return (
    <Space wrap>
      {BUTTONS.filter((b) => available[b.action]).map((b) => {
        const button = (
          <Button
            key={b.action}
            data-testid={`action-${b.action}`}
            type={b.primary ? 'primary' : 'default'}
            danger={b.danger}
            loading={busy === b.action}
            disabled={busy !== null && busy !== b.action}
            onClick={() => onAction(b.action)}
          >
            {t(b.label)}
          </Button>
        );
        return b.shortcut ? (
          <Tooltip key={b.action} title={`${t('common.shortcuts')}: ${b.shortcut}`}>
            {button}
          </Tooltip>
        ) : (
          button
        );
      })}
    </Space>
  );
}
