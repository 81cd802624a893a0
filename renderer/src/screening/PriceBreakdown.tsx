import { Table, Tag, Typography } from 'antd';
import type { PriceBreakdownView, ScreeningView } from '../../../shared/api/screening-views';
import { formatBp } from '../../../shared/screening/integer-math';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { signedBp } from './screening-format';
import { SCREENING_TEXT } from './screening-text';

/** 定价 itemised: LPR, spreads, contribution discounts, the floor, the rate, and the quota-exempt flag. */
export function PriceBreakdown({ price, effective }: { price: PriceBreakdownView; effective: ScreeningView['effective'] }) {
  const { pick } = useI18n();
  const tx = useLabels(SCREENING_TEXT);
  const threshold = formatBp(price.quotaExemptBp);
  return (
    <div className="price-breakdown" data-testid="price-breakdown">
      <Table
        size="small"
        pagination={false}
        rowKey="code"
        dataSource={price.lines}
        columns={[
          { key: 'label', title: tx('component'), render: (_, l) => pick(l.label) },
          { key: 'detail', title: tx('detail'), dataIndex: 'detail' },
          { key: 'bp', title: '%', align: 'right', render: (_, l, i) => <span className="cell-money">{signedBp(l.bp, i === 0)}</span> },
        ]}
        summary={() => (
          <>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                {tx('computed')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {formatBp(price.computedBp)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                {tx('floor')} {price.floorApplied && <Tag color="orange">{tx('floorHit')}</Tag>}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {formatBp(price.floorBp)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </>
        )}
      />
      <div className="price-final">
        <Typography.Text type="secondary">{tx('rate')}{tx('sep')}</Typography.Text>
        <Typography.Text strong data-testid="price-rate">
          {formatBp(price.rateBp)}
        </Typography.Text>{' '}
        {price.quotaExempt ? (
          <Tag color="green" data-testid="price-quota-exempt">
            {tx('quotaExempt', { threshold })}
          </Tag>
        ) : (
          <Tag>{tx('quotaUsed', { threshold })}</Tag>
        )}
        {effective?.rateOverridden && (
          <span data-testid="price-effective">
            <Typography.Text type="secondary"> {tx('inForce')}{tx('sep')}</Typography.Text>
            <Typography.Text strong>{formatBp(effective.rateBp)}</Typography.Text>
          </span>
        )}
      </div>
    </div>
  );
}
