import { Alert, Button, Form, Modal, Space } from 'antd';
import type { ReactNode } from 'react';
import type { AppError } from '../../../shared/errors';
import { useI18n } from '../i18n/I18nProvider';

interface Props<T> {
  title: string;
  submitText: string;
  initialValues: T;
  /** A refusal, local or the host's; the modal stays open with it. */
  problem: AppError | null;
  busy: boolean;
  onCancel(): void;
  onFinish(values: T): void;
  children: ReactNode;
}

/**
 * The frame of the user forms: the whole modal inside the antd Form (modalRender), so the footer's submit
 * button is the form's own and Enter in any field submits it.
 */
export function UserModal<T extends object>({ title, submitText, initialValues, problem, busy, onCancel, onFinish, children }: Props<T>) {
  const { t, errorText } = useI18n();
  return (
    <Modal
      open
      title={title}
      onCancel={onCancel}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button data-testid="user-form-submit" type="primary" htmlType="submit" loading={busy}>
            {submitText}
          </Button>
        </Space>
      }
      modalRender={(dom) => (
        <Form<T> layout="vertical" initialValues={initialValues} onFinish={onFinish} autoComplete="off">
          {dom}
        </Form>
      )}
    >
      {children}
      {problem && <Alert className="users-problem" type="error" showIcon title={errorText(problem)} data-testid="users-problem" />}
    </Modal>
  );
}
