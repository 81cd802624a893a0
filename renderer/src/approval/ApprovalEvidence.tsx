import { Descriptions, Empty, Tag, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../shared/api/schemas';
import { PRODUCTS, SEGMENT_LABELS } from '../../../shared/products/catalog';
import { amountLabel } from '../../../shared/money/fen';
import { actionLabel, detailLines } from '../case/history-labels';
import { formatFen } from '../format/money';
import { formatShanghai } from '../format/time';
import { actorText } from '../i18n/actor-text';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { APPROVAL_TEXT } from './approval-text';

/** Evidence other capabilities provide; each shows a marked placeholder until its module passes it in. */
export interface EvidenceSlots {
  /** Documents and their cross-checks (资料及交叉核验). */
  documents?: ReactNode;
  /** Screening rule hits (风险筛查结果). */
  screening?: ReactNode;
  /** Limit estimate and price with their explanations (测额与定价). */
  limitPrice?: ReactNode;
}

/** Events of the case that bear on the approval decision, oldest first. */
const APPROVAL_EVENTS = new Set(['docCheckPassed', 'screeningCompleted', 'investigationCompleted', 'proposed', 'confirmed', 'sentBack', 'returnedToDocCheck']);

type Items = NonNullable<DescriptionsProps['items']>;

export function ApprovalEvidence({ detail, slots }: { detail: CaseDetail; slots: EvidenceSlots }) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const tx = useLabels(APPROVAL_TEXT);
  const app = detail.application;
  const product = PRODUCTS[app.productCode];
  const facts: Items = [
    { key: 'product', label: t('case.product'), children: pick(product) },
    { key: 'segment', label: t('case.segment'), children: pick(SEGMENT_LABELS[app.segment]) },
    { key: 'amount', label: tx('appliedAmount'), children: <span className="cell-money">{t('money.yuan', { amount: formatFen(app.amountFen) })}</span> },
    { key: 'term', label: tx('appliedTerm'), children: t('case.termMonths', { count: app.termMonths }) },
    {
      key: 'grade',
      label: tx('riskGrade'),
      children: detail.riskGrade ? (
        <Tag color={detail.riskGrade === 'A' ? 'green' : detail.riskGrade === 'B' ? 'gold' : 'red'} data-testid="approval-risk-grade">
          {detail.riskGrade}
        </Tag>
      ) : (
        <span data-testid="approval-risk-grade">{tx('ungraded')}</span>
      ),
    },
    { key: 'purpose', label: t('case.purpose'), children: app.purpose },
    {
      key: 'limits',
      label: tx('productParams'),
      span: 'filled',
      children: tx('productLimits', { max: pick(amountLabel(product.maxAmountFen)), min: product.minTermMonths, maxTerm: product.maxTermMonths }),
    },
  ];
  const events = detail.history.filter((h) => APPROVAL_EVENTS.has(h.action));

  return (
    <div className="approval-evidence">
      <Descriptions items={facts} column={2} size="small" bordered />
      <EvidenceSlot testId="evidence-slot-documents" title={tx('slotDocuments')} content={slots.documents} />
      <EvidenceSlot testId="evidence-slot-screening" title={tx('slotScreening')} content={slots.screening} />
      <EvidenceSlot testId="evidence-slot-limit-price" title={tx('slotLimitPrice')} content={slots.limitPrice} />
      <div className="approval-timeline" data-testid="approval-timeline">
        <Typography.Text strong>{tx('timeline')}</Typography.Text>
        {events.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('timelineEmpty')} />
        ) : (
          <ol className="approval-timeline-list">
            {events.map((e) => (
              <li key={e.seq}>
                <span className="approval-timeline-time">{formatShanghai(e.at)}</span> <strong>{actorText(e.actorId, e.actorName, pick)}</strong> {actionLabel(e.action, pick)}
                {detailLines(e.details, i18n).map((line) => (
                  <div key={line} className="history-detail">
                    {line}
                  </div>
                ))}
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}

function EvidenceSlot({ testId, title, content }: { testId: string; title: string; content: ReactNode }) {
  const tx = useLabels(APPROVAL_TEXT);
  const filled = content !== undefined && content !== null;
  return (
    <section className={filled ? 'evidence-slot' : 'evidence-slot evidence-slot-empty'} data-testid={testId} data-filled={String(filled)}>
      <Typography.Text strong>{title}</Typography.Text>
      {filled ? content : <div className="evidence-slot-placeholder">{tx('slotPending')}</div>}
    </section>
  );
}
