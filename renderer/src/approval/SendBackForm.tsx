import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useLabels } from '../i18n/use-labels';
import { APPROVAL_TEXT } from './approval-text';
import { useRegisterSubmit, type SubmitRef } from './form-submit';

interface Props {
  busy: boolean;
  submitRef: SubmitRef;
  onSubmit(comment: string): void;
  onCancel(): void;
}

/** Officer B sends the proposal back to A's queue; the comment is required (A must know what to change). */
export function SendBackForm({ busy, submitRef, onSubmit, onCancel }: Props) {
  const tx = useLabels(APPROVAL_TEXT);
  const [comment, setComment] = useState('');
  // A key, worded at render: a language switch while it shows re-words it.
  const [problem, setProblem] = useState<keyof typeof APPROVAL_TEXT | null>(null);

  const submit = () => {
    if (busy) return;
    if (comment.trim().length < 2) return setProblem('sendBackCommentRequired');
    setProblem(null);
    onSubmit(comment.trim());
  };
  useRegisterSubmit(submitRef, submit);

  return (
    <Form layout="vertical" className="approval-form" data-testid="sendback-form">
      <Form.Item label={tx('sendBackComment')} required>
        <Input.TextArea data-testid="sendback-comment" autoFocus rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Form.Item>
      {problem && <Alert className="approval-form-problem" type="error" showIcon title={tx(problem)} data-testid="sendback-problem" />}
      <Space>
        <Button data-testid="sendback-submit" type="primary" danger loading={busy} onClick={submit}>
          {tx('sendBack')}
        </Button>
        <Button onClick={onCancel}>{tx('cancel')}</Button>
        <span className="approval-form-hint">{tx('submitHint')}</span>
      </Space>
    </Form>
  );
}
