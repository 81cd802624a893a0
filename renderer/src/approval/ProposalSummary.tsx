import { Descriptions, Tag, type DescriptionsProps } from 'antd';
import type { ProposalView } from '../../../shared/api/schemas';
import { REQUIRED_LABELS } from '../../../shared/approval/authority';
import { formatRateBp } from '../../../shared/contracts/contract-values';
import { REPAYMENT_METHOD_LABELS } from '../../../shared/contracts/repayment-schedule';
import { formatFen } from '../format/money';
import { formatShanghai } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { recordedReason } from '../i18n/recorded-reasons';
import { listText } from '../i18n/list-text';
import { useLabels } from '../i18n/use-labels';
import { APPROVAL_TEXT, GUARANTEE_LABELS } from './approval-text';

type Items = NonNullable<DescriptionsProps['items']>;

/** The proposal under dual control: the terms, who must confirm, the matrix version, confirmations so far. */
export function ProposalSummary({ proposal }: { proposal: ProposalView }) {
  const { t, pick } = useI18n();
  const tx = useLabels(APPROVAL_TEXT);
  const p = proposal;
  const approve = p.decision === 'approve';
  const items: Items = [
    {
      key: 'decision',
      label: tx('decisionLabel'),
      children: (
        <Tag color={approve ? 'green' : 'red'} data-testid="proposal-decision" data-decision={p.decision}>
          {tx(approve ? 'approve' : 'decline')}
        </Tag>
      ),
    },
    { key: 'by', label: tx('proposedBy'), children: <span data-testid="proposal-by">{p.byName}</span> },
    { key: 'at', label: tx('proposedAt'), children: formatShanghai(p.at) },
  ];
  if (p.amountFen !== undefined) {
    items.push({ key: 'amount', label: tx('amount'), children: <span className="cell-money" data-testid="proposal-amount">{t('money.yuan', { amount: formatFen(p.amountFen) })}</span> });
  }
  if (p.termMonths !== undefined) items.push({ key: 'term', label: tx('term'), children: t('case.termMonths', { count: p.termMonths }) });
  if (p.rateBp !== undefined) items.push({ key: 'rate', label: tx('rate'), children: <span data-testid="proposal-rate">{formatRateBp(p.rateBp)}</span> });
  if (p.repaymentMethod) items.push({ key: 'method', label: tx('method'), children: pick(REPAYMENT_METHOD_LABELS[p.repaymentMethod]) });
  if (p.guaranteeType) items.push({ key: 'guarantee', label: tx('guarantee'), children: pick(GUARANTEE_LABELS[p.guaranteeType]) });
  if (p.conditions) items.push({ key: 'conditions', label: tx('conditions'), children: p.conditions, span: 'filled' });
  if (p.reasons?.length) items.push({ key: 'reasons', label: tx('reasons'), children: listText(p.reasons.map((r) => recordedReason(r, pick)), pick), span: 'filled' });
  if (p.comment) items.push({ key: 'comment', label: tx('comment'), children: p.comment, span: 'filled' });
  items.push(
    {
      key: 'required',
      label: tx('required'),
      children: (
        <span data-testid="proposal-required" data-required={p.required ?? ''}>
          {p.required ? pick(REQUIRED_LABELS[p.required]) : t('common.none')}
        </span>
      ),
    },
    {
      key: 'matrix',
      label: tx('matrixVersion'),
      children: (
        <span data-testid="proposal-matrix-version" data-version={p.matrixVersion ?? ''}>
          {p.matrixVersion !== undefined ? tx('matrixVersionValue', { version: p.matrixVersion }) : t('common.none')}
        </span>
      ),
    },
    {
      key: 'confirmations',
      label: tx('confirmations'),
      span: 'filled',
      children: (
        <span data-testid="proposal-confirmations">
          {p.confirmations?.length
            ? p.confirmations.map((c) => (
                <div key={c.by}>{tx('confirmationLine', { name: c.byName, at: formatShanghai(c.at), version: c.matrixVersion })}</div>
              ))
            : tx('noConfirmations')}
        </span>
      ),
    },
  );
  return (
    <div data-testid="proposal-summary">
      <Descriptions title={tx('proposal')} items={items} column={2} size="small" bordered />
    </div>
  );
}
