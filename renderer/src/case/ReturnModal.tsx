import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { ReasonChecklist } from '../components/ReasonChecklist';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh-CN';
import { MAX_RETURN_REASONS } from '../../../shared/commands/doc-check';
import { OTHER_REASON_INDEX, RETURN_REASONS } from '../../../shared/workflow/offered-reasons';

interface Props {
  open: boolean;
  busy: boolean;
  onCancel(): void;
  onSubmit(reasons: string[], note: string | undefined): void;
  /** More to choose above the reason codes (the documents desk: missing and illegible documents). */
  extra?: ReactNode;
  /** Reasons chosen in `extra`, sent before the reason codes; with any, no reason code is required. */
  extraReasons?: readonly string[];
  width?: number;
}

export function ReturnModal({ open, busy, onCancel, onSubmit, extra, extraReasons = [], width }: Props) {
  const { t } = useI18n();
  const [checked, setChecked] = useState<number[]>([]);
  const [note, setNote] = useState('');
  // Kept as a message key, so a language switch while it shows re-words it.
  const [problem, setProblem] = useState<{ key: MessageKey; params?: Record<string, number> } | null>(null);

  const submit = () => {
    if (checked.length === 0 && extraReasons.length === 0) return setProblem({ key: 'return.reasonRequired' });
    if (checked.includes(OTHER_REASON_INDEX) && !note.trim()) return setProblem({ key: 'return.noteRequired' });
    const reasons = [...new Set([...extraReasons, ...[...checked].sort((a, b) => a - b).map((i) => RETURN_REASONS[i]!.zh)])];
    if (reasons.length > MAX_RETURN_REASONS) return setProblem({ key: 'return.tooManyReasons', params: { max: MAX_RETURN_REASONS, count: reasons.length } });
    setProblem(null);
    onSubmit(reasons, note.trim() || undefined);
  };

  return (
    <Modal
      open={open}
      width={width}
      title={t('return.title')}
      onCancel={onCancel}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          setChecked([]);
          setNote('');
          setProblem(null);
        }
      }}
      footer={
        <Space>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button data-testid="return-submit" type="primary" danger loading={busy} onClick={submit}>
            {t('return.submit')}
          </Button>
        </Space>
      }
    >
      <Form layout="vertical">
        {extra}
        <Form.Item label={t('return.reasons')} required>
          <ReasonChecklist reasons={RETURN_REASONS} checked={checked} onChange={setChecked} testPrefix="return" />
        </Form.Item>
        <Form.Item label={t('return.note')}>
          <Input.TextArea
            data-testid="return-note"
            rows={3}
            maxLength={2000}
            showCount
            placeholder={t('return.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={t(problem.key, problem.params)} />}
      </Form>
    </Modal>
  );
}
