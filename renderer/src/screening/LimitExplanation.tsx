import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import type { LimitEstimateView, ScreeningView } from '../../../shared/api/screening-views';
import { formatFen } from '../format/money';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { valueText } from './screening-format';
import { SCREENING_TEXT } from './screening-text';
import { useValueText } from './useValueText';

const yuan = (fen: number) => `¥${formatFen(fen)}`;

/** 测额 explained: the model, its inputs, each step with its figures, the floors and caps, and which applied. */
export function LimitExplanation({ limit, effective }: { limit: LimitEstimateView; effective: ScreeningView['effective'] }) {
  const { pick } = useI18n();
  const tx = useLabels(SCREENING_TEXT);
  const vt = useValueText();
  const cap = limit.caps.find((c) => c.applied);
  const floor = limit.floors.find((f) => f.applied);
  return (
    <div className="limit-explanation" data-testid="limit-explanation">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'model', label: tx('model'), children: pick(limit.model) },
          {
            key: 'inputs',
            label: tx('inputs'),
            children: limit.inputs.length ? (
              <div>
                {limit.inputs.map((i) => (
                  <div key={i.key}>
                    {pick(i.label)}{tx('sep')}{valueText(i.value, i.unit, i.key, vt)}
                  </div>
                ))}
              </div>
            ) : (
              '—'
            ),
          },
          {
            key: 'steps',
            label: tx('steps'),
            children: limit.steps.length ? (
              <div data-testid="limit-steps">
                {limit.steps.map((s) => (
                  <div key={s.formula}>
                    {pick(s.label)}{tx('sep')}<Typography.Text code>{s.formula}</Typography.Text>
                  </div>
                ))}
              </div>
            ) : (
              '—'
            ),
          },
          { key: 'model-figure', label: tx('modelFigure'), children: yuan(limit.modelFen) },
        ]}
      />
      {limit.notes.map((n) => (
        <Alert key={n.zh} type="info" showIcon title={pick(n)} className="limit-note" />
      ))}
      <Table
        size="small"
        pagination={false}
        rowKey="code"
        dataSource={[...limit.floors.map((b) => ({ ...b, kind: tx('floors') })), ...limit.caps.map((b) => ({ ...b, kind: tx('caps') }))]}
        columns={[
          { key: 'kind', title: '', width: 90, dataIndex: 'kind' },
          { key: 'label', title: '', render: (_, b) => pick(b.label) },
          { key: 'amount', title: '', align: 'right', render: (_, b) => yuan(b.amountFen) },
          {
            key: 'state',
            title: '',
            width: 90,
            render: (_, b) => (b.applied ? <Tag color="blue" data-testid={`limit-bound-applied-${b.code}`}>{tx('applied')}</Tag> : b.eligible ? null : <Tag>{tx('notEligible')}</Tag>),
          },
        ]}
        showHeader={false}
      />
      <div className="limit-final">
        <Typography.Text type="secondary">{tx('limitResult')}{tx('sep')}</Typography.Text>
        <Typography.Text strong className="cell-money" data-testid="limit-final">
          {yuan(limit.limitFen)}
        </Typography.Text>
        {cap && <Tag color="purple">{tx('capApplied', { cap: pick(cap.label) })}</Tag>}
        {floor && <Tag color="cyan">{tx('floorApplied', { floor: pick(floor.label) })}</Tag>}
        {effective?.limitOverridden && (
          <span data-testid="limit-effective">
            <Typography.Text type="secondary"> {tx('inForce')}{tx('sep')}</Typography.Text>
            <Typography.Text strong>{yuan(effective.limitFen)}</Typography.Text>
          </span>
        )}
      </div>
    </div>
  );
}
