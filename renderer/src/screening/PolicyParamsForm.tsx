import { Button, Col, DatePicker, Form, InputNumber, Row, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PolicyEdit } from '../../../shared/screening/policy-edit';
import { useLabels } from '../i18n/use-labels';
import { ADMIN_TEXT } from './admin-text';

type Key = keyof typeof ADMIN_TEXT;

/** Limit, pricing and routing parameters of the policy. Rates in basis points, amounts in whole yuan. */
export function PolicyParamsForm({ edit, onChange }: { edit: PolicyEdit; onChange(next: PolicyEdit): void }) {
  const tx = useLabels(ADMIN_TEXT);
  const p = edit.pricing;
  const l = edit.limits;
  const pricing = (patch: Partial<PolicyEdit['pricing']>) => onChange({ ...edit, pricing: { ...p, ...patch } });
  const limits = (patch: Partial<PolicyEdit['limits']>) => onChange({ ...edit, limits: { ...l, ...patch } });
  // Integers only: a cleared box leaves the value as it was rather than writing a null into the policy.
  const num = (label: Key, value: number, set: (v: number) => void, testId: string, yuan = false) => (
    <Form.Item label={tx(label)}>
      <InputNumber
        value={yuan ? value / 100 : value}
        precision={0}
        style={{ width: '100%' }}
        onChange={(v) => v !== null && set(yuan ? v * 100 : v)}
        data-testid={testId}
      />
    </Form.Item>
  );
  const micro = edit.routing.corporateAbove.find((a) => a.segment === 'micro_enterprise');

  return (
    <Form layout="vertical" className="policy-params">
      <Typography.Title level={5}>{tx('lpr')}</Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="effectiveFrom"
        dataSource={p.lpr}
        columns={[
          {
            key: 'date',
            title: '',
            render: (_, e, i) => (
              <DatePicker
                size="small"
                value={dayjs(e.effectiveFrom)}
                allowClear={false}
                onChange={(d) => d && pricing({ lpr: p.lpr.map((x, k) => (k === i ? { ...x, effectiveFrom: d.format('YYYY-MM-DD') } : x)) })}
              />
            ),
          },
          { key: '1y', title: '', render: (_, e, i) => <InputNumber size="small" precision={0} value={e.oneYearBp} onChange={(v) => v !== null && pricing({ lpr: p.lpr.map((x, k) => (k === i ? { ...x, oneYearBp: v } : x)) })} data-testid={`lpr-1y-${i}`} /> },
          { key: '5y', title: '', render: (_, e, i) => <InputNumber size="small" precision={0} value={e.fiveYearBp} onChange={(v) => v !== null && pricing({ lpr: p.lpr.map((x, k) => (k === i ? { ...x, fiveYearBp: v } : x)) })} /> },
        ]}
        showHeader={false}
      />
      <Button
        size="small"
        className="lpr-add"
        onClick={() => {
          const last = p.lpr[p.lpr.length - 1]!;
          pricing({ lpr: [...p.lpr, { ...last, effectiveFrom: dayjs(last.effectiveFrom).add(1, 'month').format('YYYY-MM-DD') }] });
        }}
        data-testid="lpr-add"
      >
        {tx('addLpr')}
      </Button>
      <Typography.Title level={5}>{tx('pricing')}</Typography.Title>
      <Row gutter={12}>
        <Col span={6}>{num('spreadA', p.spreadBpByGrade.A, (v) => pricing({ spreadBpByGrade: { ...p.spreadBpByGrade, A: v } }), 'spread-a')}</Col>
        <Col span={6}>{num('spreadB', p.spreadBpByGrade.B, (v) => pricing({ spreadBpByGrade: { ...p.spreadBpByGrade, B: v } }), 'spread-b')}</Col>
        <Col span={6}>{num('spreadC', p.spreadBpByGrade.C, (v) => pricing({ spreadBpByGrade: { ...p.spreadBpByGrade, C: v } }), 'spread-c')}</Col>
        <Col span={6}>{num('floorBp', p.floorBp, (v) => pricing({ floorBp: v }), 'floor-bp')}</Col>
        <Col span={6}>{num('quotaExemptBp', p.quotaExemptBp, (v) => pricing({ quotaExemptBp: v }), 'quota-exempt-bp')}</Col>
        <Col span={6}>{num('maxDiscountBp', p.contribution.maxDiscountBp, (v) => pricing({ contribution: { ...p.contribution, maxDiscountBp: v } }), 'max-discount-bp')}</Col>
        <Col span={6}>{num('cutOfficer', p.overrideCutBp.officer, (v) => pricing({ overrideCutBp: { ...p.overrideCutBp, officer: v } }), 'cut-officer')}</Col>
        <Col span={6}>{num('cutSenior', p.overrideCutBp.senior_officer, (v) => pricing({ overrideCutBp: { ...p.overrideCutBp, senior_officer: v } }), 'cut-senior')}</Col>
      </Row>
      <Typography.Title level={5}>{tx('limits')}</Typography.Title>
      <Row gutter={12}>
        <Col span={6}>{num('baseInclusive', l.baseInclusiveFen, (v) => limits({ baseInclusiveFen: v }), 'base-inclusive', true)}</Col>
        <Col span={6}>{num('publicSector', l.publicSectorMinFen, (v) => limits({ publicSectorMinFen: v }), 'public-sector', true)}</Col>
        <Col span={6}>{num('taxA', l.tax.multiplierBpByGrade.A, (v) => limits({ tax: { multiplierBpByGrade: { ...l.tax.multiplierBpByGrade, A: v } } }), 'tax-a')}</Col>
        <Col span={6}>{num('taxB', l.tax.multiplierBpByGrade.B, (v) => limits({ tax: { multiplierBpByGrade: { ...l.tax.multiplierBpByGrade, B: v } } }), 'tax-b')}</Col>
        <Col span={6}>{num('ltvResidential', l.mortgage.ltvBpByClass.residential, (v) => limits({ mortgage: { ltvBpByClass: { ...l.mortgage.ltvBpByClass, residential: v } } }), 'ltv-residential')}</Col>
        <Col span={6}>{num('ltvIndustrial', l.mortgage.ltvBpByClass.local_industrial, (v) => limits({ mortgage: { ltvBpByClass: { ...l.mortgage.ltvBpByClass, local_industrial: v } } }), 'ltv-industrial')}</Col>
        <Col span={6}>{num('ltvShop', l.mortgage.ltvBpByClass.shop, (v) => limits({ mortgage: { ltvBpByClass: { ...l.mortgage.ltvBpByClass, shop: v } } }), 'ltv-shop')}</Col>
        <Col span={6}>{num('ltvOther', l.mortgage.ltvBpByClass.other, (v) => limits({ mortgage: { ltvBpByClass: { ...l.mortgage.ltvBpByClass, other: v } } }), 'ltv-other')}</Col>
        <Col span={6}>{num('aumBp', l.credit.aumBp, (v) => limits({ credit: { ...l.credit, aumBp: v } }), 'aum-bp')}</Col>
        <Col span={6}>{num('payrollMultiple', l.credit.payrollMultiple, (v) => limits({ credit: { ...l.credit, payrollMultiple: v } }), 'payroll-multiple')}</Col>
        <Col span={6}>{num('advanceBp', l.invoice.advanceBp, (v) => limits({ invoice: { ...l.invoice, advanceBp: v } }), 'advance-bp')}</Col>
        <Col span={6}>{num('maxInvoiceAgeDays', l.invoice.maxInvoiceAgeDays, (v) => limits({ invoice: { ...l.invoice, maxInvoiceAgeDays: v } }), 'invoice-age')}</Col>
        <Col span={6}>{num('salesBp', l.platform.salesBp, (v) => limits({ platform: { salesBp: v } }), 'sales-bp')}</Col>
        <Col span={6}>{num('posMultiple', l.revolving.posMultiple, (v) => limits({ revolving: { posMultiple: v } }), 'pos-multiple')}</Col>
        {micro && (
          <Col span={6}>
            {num(
              'corporateAbove',
              micro.aboveFen,
              (v) => onChange({ ...edit, routing: { ...edit.routing, corporateAbove: edit.routing.corporateAbove.map((a) => (a === micro ? { ...a, aboveFen: v } : a)) } }),
              'corporate-above',
              true,
            )}
          </Col>
        )}
      </Row>
    </Form>
  );
}
