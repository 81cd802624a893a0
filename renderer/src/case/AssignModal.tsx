import { Alert, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh-CN';

interface AssignableUser {
  id: string;
  displayName: string;
  openCount: number;
}

interface Props {
  caseId: string;
  open: boolean;
  busy: boolean;
  /** Current assignee, listed but not offered as a change. */
  assigneeId: string | null;
  onCancel(): void;
  onSubmit(assigneeId: string, reason: string): void;
}

export function AssignModal({ caseId, open, busy, assigneeId, onCancel, onSubmit }: Props) {
  const { t, errorText } = useI18n();
  const [users, setUsers] = useState<AssignableUser[] | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [userId, setUserId] = useState<string | undefined>(undefined);
  const [reason, setReason] = useState('');
  // Kept as a message key, so a language switch while it shows re-words it.
  const [problem, setProblem] = useState<MessageKey | null>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setUsers(null);
    setLoadError(null);
    void client.call('users:assignable', { caseId }).then((result) => {
      if (cancelled) return;
      if (result.ok) setUsers(result.value.users);
      else setLoadError(result.error);
    });
    return () => {
      cancelled = true;
    };
  }, [open, caseId]);

  const submit = () => {
    if (!userId) return setProblem('assign.userRequired');
    // Same minimum as the contract (ShortText.min(2)), checked here to spare a round trip.
    if (reason.trim().length < 2) return setProblem('assign.reasonRequired');
    setProblem(null);
    onSubmit(userId, reason.trim());
  };

  return (
    <Modal
      open={open}
      title={t('assign.title')}
      onCancel={onCancel}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          setUserId(undefined);
          setReason('');
          setProblem(null);
        }
      }}
      footer={
        <Space>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button data-testid="assign-submit" type="primary" loading={busy} onClick={submit}>
            {t('assign.submit')}
          </Button>
        </Space>
      }
    >
      <Form layout="vertical">
        <Form.Item label={t('assign.user')} required>
          <Select<string>
            data-testid="assign-user"
            showSearch={{ optionFilterProp: 'name' }}
            loading={users === null && !loadError}
            placeholder={t('assign.userPlaceholder')}
            value={userId}
            onChange={setUserId}
            options={(users ?? []).map((u) => ({
              value: u.id,
              name: u.displayName,
              disabled: u.id === assigneeId,
              label: (
                <span data-testid={`assign-option-${u.id}`} className="assign-option">
                  <span>{u.displayName}</span>
                  <span className="assign-option-count">{t('assign.openCount', { count: u.openCount })}</span>
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('assign.reason')} required>
          <Input
            data-testid="assign-reason"
            maxLength={200}
            placeholder={t('assign.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
        {loadError && <Alert type="error" showIcon title={errorText(loadError)} />}
        {problem && <Alert type="error" showIcon title={t(problem)} data-testid="assign-problem" />}
      </Form>
    </Modal>
  );
}
