import { Alert, Button, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../shared/api/schemas';
import type { ScreeningView } from '../../../shared/api/screening-views';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { useUser } from '../session/SessionProvider';
import { Evidence } from './ScreeningResults';
import { SCREENING_TEXT } from './screening-text';

/**
 * 线下调查工单: the rules that referred the case are the field officer's instructions; he records findings and
 * sends the case to approval or declines it (completeInvestigation, which the host checks).
 */
export function InvestigationForm({ detail, view, onDone }: { detail: CaseDetail; view: ScreeningView; onDone(): Promise<unknown> }) {
  const { pick, errorText } = useI18n();
  const tx = useLabels(SCREENING_TEXT);
  const user = useUser();
  const [findings, setFindings] = useState('');
  const [outcome, setOutcome] = useState<'approval' | 'declined'>('approval');
  // The host's error itself, worded at render in the language then chosen.
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const referred = view.result?.rules.filter((r) => r.fired && r.result === 'refer') ?? [];
  const mine = detail.assigneeId === user.id && detail.allowedActions.includes('completeInvestigation');

  const submit = async () => {
    setBusy(true);
    const r = await client.call('investigation:complete', { caseId: detail.id, outcome, findings });
    setBusy(false);
    if (!r.ok) return setError(r.error as AppError);
    setError(null);
    await onDone();
  };

  return (
    <div className="investigation-form" data-testid="investigation-form">
      <Typography.Title level={5}>{tx('instructions')}</Typography.Title>
      <ol className="investigation-instructions" data-testid="investigation-instructions">
        {referred.map((r) => (
          <li key={r.ruleId} data-testid={`instruction-${r.ruleId}`}>
            <Typography.Text strong>
              {r.ruleId} {pick(r.description)}
            </Typography.Text>
            {r.instruction && <div>{pick(r.instruction)}</div>}
            <Evidence rule={r} />
          </li>
        ))}
      </ol>
      {mine ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{tx('findings')}</Typography.Text>
          <Input.TextArea value={findings} onChange={(e) => setFindings(e.target.value)} rows={4} maxLength={4000} placeholder={tx('findingsPlaceholder')} data-testid="investigation-findings" />
          <Radio.Group value={outcome} onChange={(e) => setOutcome(e.target.value as 'approval' | 'declined')} data-testid="investigation-outcome">
            <Radio value="approval" data-testid="investigation-outcome-approval">
              {tx('toApproval')}
            </Radio>
            <Radio value="declined" data-testid="investigation-outcome-declined">
              {tx('toDecline')}
            </Radio>
          </Radio.Group>
          {error && <Alert type="error" showIcon title={errorText(error)} data-testid="investigation-error" />}
          <Button type="primary" loading={busy} disabled={findings.trim().length < 2} onClick={() => void submit()} data-testid="investigation-submit">
            {tx('submitFindings')}
          </Button>
        </Space>
      ) : (
        <Typography.Text type="secondary">{tx('claimFirst')}</Typography.Text>
      )}
    </div>
  );
}
