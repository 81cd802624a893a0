import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { ReasonChecklist } from '../components/ReasonChecklist';
import { useLabels, type Label } from '../i18n/use-labels';
import { APPROVAL_TEXT } from './approval-text';
import { useRegisterSubmit, type SubmitRef } from './form-submit';

interface Props {
  /** Test id prefix: `<prefix>-reason-<n>`, `<prefix>-text`, `<prefix>-submit`. */
  testPrefix: string;
  reasons: readonly Label[];
  reasonsLabel: string;
  textLabel: string;
  submitLabel: string;
  danger?: boolean;
  busy: boolean;
  submitRef: SubmitRef;
  onSubmit(reasons: string[], text: string | undefined): void;
  onCancel(): void;
}

/**
 * Reason codes as checkboxes plus free text, for a decline proposal and for sending a case back to document
 * checking. The last reason is “other”, which needs the text. Reasons are sent in Chinese, as recorded.
 */
export function ReasonsForm(props: Props) {
  const tx = useLabels(APPROVAL_TEXT);
  const [checked, setChecked] = useState<number[]>([]);
  const [text, setText] = useState('');
  // A key, worded at render: a language switch while it shows re-words it.
  const [problem, setProblem] = useState<keyof typeof APPROVAL_TEXT | null>(null);
  const otherIndex = props.reasons.length - 1;

  const submit = () => {
    if (props.busy) return;
    if (checked.length === 0) return setProblem('reasonRequired');
    if (checked.includes(otherIndex) && !text.trim()) return setProblem('otherNeedsText');
    setProblem(null);
    const reasons = [...checked].sort((a, b) => a - b).map((i) => props.reasons[i]!.zh);
    props.onSubmit(reasons, text.trim() || undefined);
  };
  useRegisterSubmit(props.submitRef, submit);

  return (
    <Form layout="vertical" className="approval-form" data-testid={`${props.testPrefix}-form`}>
      <Form.Item label={props.reasonsLabel} required>
        <ReasonChecklist reasons={props.reasons} checked={checked} onChange={setChecked} testPrefix={props.testPrefix} autoFocus />
      </Form.Item>
      <Form.Item label={props.textLabel}>
        <Input.TextArea data-testid={`${props.testPrefix}-text`} rows={2} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
      </Form.Item>
      {problem && <Alert className="approval-form-problem" type="error" showIcon title={tx(problem)} data-testid={`${props.testPrefix}-problem`} />}
      <Space>
        <Button data-testid={`${props.testPrefix}-submit`} type="primary" danger={props.danger} loading={props.busy} onClick={submit}>
          {props.submitLabel}
        </Button>
        <Button onClick={props.onCancel}>{tx('cancel')}</Button>
        <span className="approval-form-hint">{tx('submitHint')}</span>
      </Space>
    </Form>
  );
}
