import { describe, expect, it } from 'vitest';
import type { ApplicationData } from '../domain/case';
import { DEFAULT_LIMITS } from './default-policy';
import { estimateLimit, type LimitCapCode, type LimitFloorCode } from './limit-estimate';
import { application, mortgage, relationship, TODAY, WAN } from './screening-fixtures';

const rel = relationship;
const invoice = (amountWan: number, issuedOn: string, financed = false) => ({ invoiceNo: `INV${amountWan}${issuedOn}`, amountFen: amountWan * WAN, issuedOn, buyerName: '常州新创机械有限公司', financed });

/** [label, case, on the negative list, model figure, limit, floor applied, cap applied]. */
const TABLE: [string, ApplicationData, boolean, number, number, LimitFloorCode | null, LimitCapCode | null][] = [
  // 云税贷: 8× (A) / 5× (B) annual tax paid, A/B only
  ['tax A: 20万 tax × 8 = 160万, under the 300万 request', application({ productCode: 'tax_loan', amountFen: 300 * WAN, tax: { annualTaxPaidFen: 20 * WAN, creditGrade: 'A' } }), false, 160 * WAN, 160 * WAN, null, null],
  ['tax B: 20万 × 5 = 100万', application({ productCode: 'tax_loan', amountFen: 300 * WAN, tax: { annualTaxPaidFen: 20 * WAN, creditGrade: 'B' } }), false, 100 * WAN, 100 * WAN, null, null],
  ['tax C: no model limit, base credit 3万', application({ productCode: 'tax_loan', amountFen: 300 * WAN, tax: { annualTaxPaidFen: 20 * WAN, creditGrade: 'C' } }), false, 0, 3 * WAN, 'base_inclusive', null],
  ['tax A model exactly at the request: no cap applies', application({ productCode: 'tax_loan', amountFen: 160 * WAN, tax: { annualTaxPaidFen: 20 * WAN, creditGrade: 'A' } }), false, 160 * WAN, 160 * WAN, null, null],
  ['tax A model one fen over the request: the request caps', application({ productCode: 'tax_loan', amountFen: 160 * WAN - 1, tax: { annualTaxPaidFen: 20 * WAN, creditGrade: 'A' } }), false, 160 * WAN, 160 * WAN - 1, null, 'requested'],
  ['tax A model above the 300万 product maximum', application({ productCode: 'tax_loan', amountFen: 300 * WAN, tax: { annualTaxPaidFen: 50 * WAN, creditGrade: 'A' } }), false, 400 * WAN, 300 * WAN, null, 'product_max'],
  ['rounded down to 1,000 元: 12,345.67 × 8', application({ productCode: 'tax_loan', amountFen: 300 * WAN, tax: { annualTaxPaidFen: 1_234_567, creditGrade: 'A' } }), false, 9_800_000, 9_800_000, null, null],
  // 抵押快贷: valuation × LTV band − charges
  ['residential 70%: 300万 × 70% = 210万', mortgage(), false, 210 * WAN, 210 * WAN, null, null],
  ['local industrial 60%', mortgage({ kind: 'industrial' }), false, 180 * WAN, 180 * WAN, null, null],
  ['industrial, locality unknown: other 40%', mortgage({ kind: 'industrial', local: undefined as unknown as boolean }), false, 120 * WAN, 120 * WAN, null, null],
  ['shop 50%', mortgage({ kind: 'commercial' }), false, 150 * WAN, 150 * WAN, null, null],
  ['non-local residential: other 40%', mortgage({ local: false }), false, 120 * WAN, 120 * WAN, null, null],
  ['existing charges deducted: 210万 − 60万', mortgage({ existingChargesFen: 60 * WAN }), false, 150 * WAN, 150 * WAN, null, null],
  ['charges above the LTV value: model 0, base credit 3万', mortgage({ existingChargesFen: 250 * WAN }), false, 0, 3 * WAN, 'base_inclusive', null],
  ['LTV value exactly the request', mortgage({}, { amountFen: 210 * WAN }), false, 210 * WAN, 210 * WAN, null, null],
  ['LTV value above the request', mortgage({}, { amountFen: 200 * WAN }), false, 210 * WAN, 200 * WAN, null, 'requested'],
  ['LTV value above the 1,000万 maximum', mortgage({ valuationFen: 2_000 * WAN }, { amountFen: 1_000 * WAN }), false, 1_400 * WAN, 1_000 * WAN, null, 'product_max'],
  // 信用快贷: AUM × 50% + payroll × 12 (from 6 months of payroll)
  ['credit: 40万 AUM × 50% = 20万', application(), false, 20 * WAN, 20 * WAN, null, null],
  ['credit with payroll: 20万 + 1.5万 × 12', application({ relationship: rel({ aumFen: 40 * WAN, monthlyPayrollFen: 15_000_00, payrollMonths: 6 }) }), false, 38 * WAN, 38 * WAN, null, null],
  ['credit, payroll 5 months: not counted', application({ relationship: rel({ aumFen: 40 * WAN, monthlyPayrollFen: 15_000_00, payrollMonths: 5 }) }), false, 20 * WAN, 20 * WAN, null, null],
  ['credit without bank data: base credit 3万', application({ relationship: undefined as unknown as ApplicationData['relationship'] }), false, 0, 3 * WAN, 'base_inclusive', null],
  ['on the negative list: no base credit', application({ relationship: rel({ aumFen: 2 * WAN }) }), true, 1 * WAN, 1 * WAN, null, null],
  ['public sector: at least 20万', application({ segment: 'public_sector', enterprise: null, relationship: rel({ aumFen: 10 * WAN }) }), false, 5 * WAN, 20 * WAN, 'public_sector', null],
  ['public sector, model above 20万: the model stands', application({ segment: 'public_sector', enterprise: null, relationship: rel({ aumFen: 60 * WAN }) }), false, 30 * WAN, 30 * WAN, null, null],
  ['public sector asking 10万: the request caps the 20万 floor', application({ segment: 'public_sector', enterprise: null, amountFen: 10 * WAN, relationship: rel({ aumFen: 10 * WAN }) }), false, 5 * WAN, 10 * WAN, 'public_sector', 'requested'],
  ['base credit above a 2万 request', application({ amountFen: 2 * WAN, relationship: rel({}) }), false, 0, 2 * WAN, 'base_inclusive', 'requested'],
  // 平台快贷, 发票融资, 循环贷
  ['platform: 500万 sales × 20%', application({ productCode: 'platform_fast', amountFen: 200 * WAN, platform: { platformName: '苏商通', annualSalesFen: 500 * WAN } }), false, 100 * WAN, 100 * WAN, null, null],
  [
    'invoices: financed and 181-day-old ones left out, 80% of the rest',
    application({ productCode: 'invoice_finance', amountFen: 500 * WAN, invoices: [invoice(100, '2026-10-01'), invoice(50, '2026-05-28'), invoice(80, '2026-05-27'), invoice(30, '2026-09-01', true)] }),
    false,
    120 * WAN,
    120 * WAN,
    null,
    null,
  ],
  ['revolving: 4万 POS × 3', application({ productCode: 'revolving', amountFen: 50 * WAN, termMonths: 12, relationship: rel({ monthlyPosFen: 4 * WAN }) }), false, 12 * WAN, 12 * WAN, null, null],
];

describe('limit models (测额), floors and caps', () => {
  it.each(TABLE)('%s', (_label, data, onList, modelFen, limitFen, floor, cap) => {
    const e = estimateLimit(data, TODAY, DEFAULT_LIMITS, onList);
    expect(e.modelFen).toBe(modelFen);
    expect(e.limitFen).toBe(limitFen);
    expect(e.appliedFloor).toBe(floor);
    expect(e.appliedCap).toBe(cap);
    expect(e.floors.filter((f) => f.applied).map((f) => f.code)).toEqual(floor ? [floor] : []);
    expect(e.caps.filter((c) => c.applied).map((c) => c.code)).toEqual(cap ? [cap] : []);
    expect(Number.isSafeInteger(e.limitFen)).toBe(true);
  });

  it('explains the mortgage figure: inputs, each step with its figures, the LTV class', () => {
    const e = estimateLimit(mortgage({ existingChargesFen: 60 * WAN }), TODAY, DEFAULT_LIMITS, false);
    expect(e.model.zh).toBe('评估价值 × 抵押率 − 已抵押余额');
    expect(e.inputs.find((i) => i.key === 'ltvBp')?.value).toBe(7_000);
    expect(e.inputs.find((i) => i.key === 'collateral.class')?.value).toBe('residential');
    expect(e.steps.map((s) => s.formula)).toEqual(['¥3,000,000.00 × 70.00% = ¥2,100,000.00', '¥2,100,000.00 − ¥600,000.00 = ¥1,500,000.00']);
  });

  it('names the cap that applied and shows the rounding step', () => {
    const e = estimateLimit(application({ productCode: 'tax_loan', amountFen: 300 * WAN, tax: { annualTaxPaidFen: 1_234_567, creditGrade: 'A' } }), TODAY, DEFAULT_LIMITS, false);
    expect(e.steps.map((s) => s.formula)).toEqual(['¥12,345.67 × 8× = ¥98,765.36', '¥98,765.36 → ¥98,000.00']);
    const capped = estimateLimit(mortgage({}, { amountFen: 200 * WAN }), TODAY, DEFAULT_LIMITS, false);
    expect(capped.caps).toEqual([
      { code: 'product_max', label: { zh: '产品金额上限', en: 'Product maximum' }, amountFen: 1_000 * WAN, eligible: true, applied: false },
      { code: 'requested', label: { zh: '申请金额', en: 'Amount applied for' }, amountFen: 200 * WAN, eligible: true, applied: true },
    ]);
  });

  it('says why a model gives nothing', () => {
    const e = estimateLimit(application({ productCode: 'tax_loan', amountFen: 100 * WAN, tax: { annualTaxPaidFen: 20 * WAN, creditGrade: 'D' } }), TODAY, DEFAULT_LIMITS, false);
    expect(e.notes.map((n) => n.zh)).toEqual(['纳税信用等级 D 级不适用云税贷（仅限A/B级）']);
    const none = estimateLimit(application({ productCode: 'platform_fast' }), TODAY, DEFAULT_LIMITS, true);
    expect(none.notes.map((n) => n.en)).toEqual(['No platform data: the model gives 0']);
    expect(none.floors.find((f) => f.code === 'base_inclusive')).toMatchObject({ eligible: false, applied: false });
    expect(none.limitFen).toBe(0);
  });
});
