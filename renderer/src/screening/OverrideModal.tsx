import { Alert, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import type { ScreeningView } from '../../../shared/api/screening-views';
import type { AppError } from '../../../shared/errors';
import { parseYuan } from '../../../shared/money/fen';
import { formatBp } from '../../../shared/screening/integer-math';
import { client } from '../api';
import { formatFen } from '../format/money';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { parsePercent } from './screening-format';
import { SCREENING_TEXT } from './screening-text';

interface Props {
  caseId: string;
  authority: NonNullable<ScreeningView['overrideAuthority']>;
  open: boolean;
  onClose(): void;
  onSaved(): Promise<unknown>;
}

/** The officer's override of the limit and/or rate, within his authority (the host checks), with a reason. */
export function OverrideModal({ caseId, authority, open, onClose, onSaved }: Props) {
  const { errorText } = useI18n();
  const tx = useLabels(SCREENING_TEXT);
  const [limit, setLimit] = useState('');
  const [rate, setRate] = useState('');
  const [reason, setReason] = useState('');
  // Kept as what went wrong, not as text: shown in the language chosen now, also after a switch.
  const [error, setError] = useState<{ check: 'overrideBadLimit' | 'overrideBadRate' | 'overrideNeedOne' } | { refused: AppError } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const limitFen = limit.trim() ? parseYuan(limit) : undefined;
    const rateBp = rate.trim() ? parsePercent(rate) : undefined;
    if (limitFen === null) return setError({ check: 'overrideBadLimit' });
    if (rateBp === null) return setError({ check: 'overrideBadRate' });
    if (limitFen === undefined && rateBp === undefined) return setError({ check: 'overrideNeedOne' });
    setBusy(true);
    const r = await client.call('screening:override', { caseId, reason, ...(limitFen !== undefined ? { limitFen } : {}), ...(rateBp !== undefined ? { rateBp } : {}) });
    setBusy(false);
    if (!r.ok) return setError({ refused: r.error as AppError });
    setError(null);
    setLimit('');
    setRate('');
    setReason('');
    onClose();
    await onSaved();
  };

  return (
    <Modal
      open={open}
      title={tx('overrideTitle')}
      okText={tx('overrideSubmit')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: reason.trim().length < 4, 'data-testid': 'override-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" data-testid="override-authority">
        {tx('overrideHint', { limit: formatFen(authority.maxLimitFen), rate: formatBp(authority.lowestRateBp), floor: formatBp(authority.floorBp) })}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={tx('overrideLimit')}>
          <Input value={limit} onChange={(e) => setLimit(e.target.value)} inputMode="decimal" data-testid="override-limit" />
        </Form.Item>
        <Form.Item label={tx('overrideRate')}>
          <Input value={rate} onChange={(e) => setRate(e.target.value)} inputMode="decimal" data-testid="override-rate" />
        </Form.Item>
        <Form.Item label={tx('overrideReason')} required>
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={500} data-testid="override-reason" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={'check' in error ? tx(error.check) : errorText(error.refused)} data-testid="override-error" />}
    </Modal>
  );
}
