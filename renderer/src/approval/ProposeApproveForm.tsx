import { Button, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import type { ApiInput } from '../../../shared/api/contract';
import type { CaseDetail } from '../../../shared/api/schemas';
import { REQUIRED_LABELS, requiredAuthority, UNGRADED, type AuthorityMatrix } from '../../../shared/approval/authority';
import { REPAYMENT_METHOD_LABELS, REPAYMENT_METHODS, type RepaymentMethod } from '../../../shared/contracts/repayment-schedule';
import { amountLabel, formatYuan, parseYuan } from '../../../shared/money/fen';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { APPROVAL_TEXT, GUARANTEE_LABELS, type GuaranteeType } from './approval-text';
import { useRegisterSubmit, type SubmitRef } from './form-submit';
import { parseRatePercent } from './rate-text';

export type ApproveProposal = Extract<ApiInput<'approval:propose'>['proposal'], { decision: 'approve' }>;

const GUARANTEES = Object.keys(GUARANTEE_LABELS) as GuaranteeType[];
const MAX_RATE_BP = 3600;

interface Props {
  detail: CaseDetail;
  /** The matrix in force, for the "who must confirm" hint; the host decides again when the proposal arrives. */
  matrix: AuthorityMatrix | null;
  busy: boolean;
  submitRef: SubmitRef;
  onSubmit(proposal: ApproveProposal): void;
  onCancel(): void;
}

interface Checked {
  amountFen: number | null;
  amountError: string | null;
  termMonths: number | null;
  rateBp: number | null;
}

/**
 * Officer A's approval terms. Amount is typed in yuan and becomes integer fen through `parseYuan`; the rate is
 * typed in percent and becomes basis points by string arithmetic — no float ever holds either.
 */
export function ProposeApproveForm({ detail, matrix, busy, submitRef, onSubmit, onCancel }: Props) {
  const { pick } = useI18n();
  const tx = useLabels(APPROVAL_TEXT);
  const app = detail.application;
  const [amount, setAmount] = useState(() => formatYuan(app.amountFen));
  const [term, setTerm] = useState(() => String(app.termMonths));
  const [rate, setRate] = useState('');
  const [method, setMethod] = useState<RepaymentMethod>('equal_installment');
  const [guarantee, setGuarantee] = useState<GuaranteeType>(app.productCode === 'mortgage_fast' ? 'mortgage' : 'credit');
  const [conditions, setConditions] = useState('');
  const [comment, setComment] = useState('');
  const [showErrors, setShowErrors] = useState(false);

  const check = (): Checked => {
    const amountFen = parseYuan(amount);
    let amountError: string | null = null;
    if (amountFen === null) amountError = tx('amountInvalid');
    else if (amountFen < 100) amountError = tx('amountTooSmall');
    else if (amountFen > app.amountFen) amountError = tx('amountTooLarge', { max: formatYuan(app.amountFen) });
    const termMonths = /^\d{1,3}$/.test(term.trim()) ? Number(term.trim()) : null;
    const rateBp = parseRatePercent(rate);
    return {
      amountFen: amountError ? null : amountFen,
      amountError,
      termMonths: termMonths !== null && termMonths >= 1 && termMonths <= 360 ? termMonths : null,
      rateBp: rateBp !== null && rateBp >= 1 && rateBp <= MAX_RATE_BP ? rateBp : null,
    };
  };
  const c = check();

  const submit = () => {
    if (busy) return;
    const now = check();
    if (now.amountFen === null || now.termMonths === null || now.rateBp === null) return setShowErrors(true);
    onSubmit({
      decision: 'approve',
      amountFen: now.amountFen,
      termMonths: now.termMonths,
      rateBp: now.rateBp,
      repaymentMethod: method,
      guaranteeType: guarantee,
      ...(conditions.trim() ? { conditions: conditions.trim() } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
  };
  useRegisterSubmit(submitRef, submit);

  const required = c.amountFen !== null && matrix ? requiredAuthority(matrix, app.productCode, detail.riskGrade ?? UNGRADED, c.amountFen) : null;
  const error = (field: boolean, text: string) => (showErrors && field ? { validateStatus: 'error' as const, help: text } : {});

  return (
    <Form layout="vertical" className="approval-form" data-testid="propose-approve-form">
      <Space wrap align="start" size="middle">
        <Form.Item
          label={tx('amountYuan')}
          required
          {...(showErrors && c.amountError
            ? { validateStatus: 'error' as const, help: c.amountError }
            : { help: c.amountFen !== null ? tx('amountWan', { amount: pick(amountLabel(c.amountFen)) }) : ' ' })}
        >
          <Input data-testid="propose-amount" autoFocus className="approval-input-amount" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Form.Item>
        <Form.Item label={tx('termMonths')} required {...error(c.termMonths === null, tx('termInvalid'))}>
          <Input data-testid="propose-term" className="approval-input-term" inputMode="numeric" value={term} onChange={(e) => setTerm(e.target.value)} />
        </Form.Item>
        <Form.Item
          label={tx('ratePercent')}
          required
          {...(showErrors && c.rateBp === null ? { validateStatus: 'error' as const, help: tx('rateInvalid') } : { help: c.rateBp !== null ? tx('rateBp', { bp: c.rateBp }) : ' ' })}
        >
          <Input data-testid="propose-rate" className="approval-input-rate" inputMode="decimal" suffix="%" placeholder="4.35" value={rate} onChange={(e) => setRate(e.target.value)} />
        </Form.Item>
      </Space>
      <Form.Item label={tx('method')} required>
        <Radio.Group data-testid="propose-method" optionType="button" value={method} onChange={(e) => setMethod(e.target.value as RepaymentMethod)}>
          {REPAYMENT_METHODS.map((m) => (
            <Radio.Button key={m} value={m}>
              <span data-testid={`propose-method-${m}`}>{pick(REPAYMENT_METHOD_LABELS[m])}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item label={tx('guarantee')} required>
        <Radio.Group data-testid="propose-guarantee" optionType="button" value={guarantee} onChange={(e) => setGuarantee(e.target.value as GuaranteeType)}>
          {GUARANTEES.map((g) => (
            <Radio.Button key={g} value={g}>
              <span data-testid={`propose-guarantee-${g}`}>{pick(GUARANTEE_LABELS[g])}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item label={tx('conditions')}>
        <Input.TextArea data-testid="propose-conditions" rows={2} maxLength={2000} placeholder={tx('conditionsPlaceholder')} value={conditions} onChange={(e) => setConditions(e.target.value)} />
      </Form.Item>
      <Form.Item label={tx('comment')}>
        <Input.TextArea data-testid="propose-comment" rows={2} maxLength={2000} placeholder={tx('commentPlaceholder')} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Form.Item>
      {required && matrix && (
        <div className="approval-required-hint" data-testid="propose-required-hint" data-required={required}>
          {tx('requiredHint', { version: matrix.version, who: pick(REQUIRED_LABELS[required]) })}
        </div>
      )}
      <Space>
        <Button data-testid="propose-submit" type="primary" loading={busy} onClick={submit}>
          {tx('proposeApprove')}
        </Button>
        <Button onClick={onCancel}>{tx('cancel')}</Button>
        <span className="approval-form-hint">{tx('submitHint')}</span>
      </Space>
    </Form>
  );
}
