import type { ApplicationData } from '../domain/case';
import { formatYuan, sumFen } from '../money/fen';
import type { ProductCode } from '../products/catalog';
import { daysBetween } from './dates';
import { collateralClass, type FactUnit } from './facts';
import { formatBp, mulDiv } from './integer-math';
import type { LimitParams } from './policy';
import type { Label } from '../domain/label';

/** One input of a limit model as shown in its explanation. */
export interface LimitInput {
  key: string;
  label: Label;
  value: number | string | boolean | null;
  unit: FactUnit | 'bp' | 'multiple';
}

/** One line of the arithmetic, written out with the figures used. */
export interface LimitStep {
  label: Label;
  formula: string;
  resultFen: number;
}

/** What a product's model computes before the programme's floors and the caps. */
export interface ModelOutput {
  model: Label;
  inputs: LimitInput[];
  steps: LimitStep[];
  rawFen: number;
  notes: Label[];
}

export const yuan = (fen: number) => formatYuan(fen, { symbol: true });

/** 80,000 bp → '8×', 85,000 → '8.5×'. */
export function formatMultiple(bp: number): string {
  const frac = String(bp % 10_000).padStart(4, '0').replace(/0+$/, '');
  return `${Math.floor(bp / 10_000)}${frac ? `.${frac}` : ''}×`;
}

const missing = (zh: string, en: string): Label => ({ zh: `缺少${zh}，模型额度为 0`, en: `No ${en}: the model gives 0` });

function taxModel(data: ApplicationData, _today: string, p: LimitParams): ModelOutput {
  const model = { zh: '年纳税额 × 纳税信用等级倍数', en: 'Annual tax paid × multiple for the tax credit grade' };
  const t = data.tax;
  if (!t) return { model, inputs: [], steps: [], rawFen: 0, notes: [missing('纳税数据', 'tax data')] };
  const inputs: LimitInput[] = [
    { key: 'annualTaxPaidFen', label: { zh: '年纳税额', en: 'Annual tax paid' }, value: t.annualTaxPaidFen, unit: 'fen' },
    { key: 'creditGrade', label: { zh: '纳税信用等级', en: 'Tax credit grade' }, value: t.creditGrade, unit: 'text' },
  ];
  if (t.creditGrade !== 'A' && t.creditGrade !== 'B') {
    return { model, inputs, steps: [], rawFen: 0, notes: [{ zh: `纳税信用等级 ${t.creditGrade} 级不适用云税贷（仅限A/B级）`, en: `Tax credit grade ${t.creditGrade}: the tax-data loan is for grades A/B only` }] };
  }
  const multiple = p.tax.multiplierBpByGrade[t.creditGrade];
  inputs.push({ key: 'multiple', label: { zh: `${t.creditGrade}级倍数`, en: `Multiple for grade ${t.creditGrade}` }, value: multiple, unit: 'multiple' });
  const raw = mulDiv(t.annualTaxPaidFen, multiple, 10_000);
  return {
    model,
    inputs,
    steps: [{ label: { zh: '年纳税额 × 倍数', en: 'Tax paid × multiple' }, formula: `${yuan(t.annualTaxPaidFen)} × ${formatMultiple(multiple)} = ${yuan(raw)}`, resultFen: raw }],
    rawFen: raw,
    notes: [],
  };
}

function mortgageModel(data: ApplicationData, _today: string, p: LimitParams): ModelOutput {
  const model = { zh: '评估价值 × 抵押率 − 已抵押余额', en: 'Valuation × loan-to-value − existing charges' };
  const c = data.collateral;
  if (!c) return { model, inputs: [], steps: [], rawFen: 0, notes: [missing('抵押物', 'collateral')] };
  const cls = collateralClass(c);
  const ltv = p.mortgage.ltvBpByClass[cls];
  const charges = c.existingChargesFen ?? 0;
  const gross = mulDiv(c.valuationFen, ltv, 10_000);
  const raw = Math.max(0, gross - charges);
  return {
    model,
    inputs: [
      { key: 'valuationFen', label: { zh: '评估价值', en: 'Valuation' }, value: c.valuationFen, unit: 'fen' },
      // The class's code: the page names it in the reader's language (as it does the fact of the same key).
      { key: 'collateral.class', label: { zh: '抵押率类别', en: 'LTV class' }, value: cls, unit: 'text' },
      { key: 'ltvBp', label: { zh: '抵押率', en: 'Loan-to-value' }, value: ltv, unit: 'bp' },
      { key: 'existingChargesFen', label: { zh: '已抵押余额', en: 'Existing charges' }, value: charges, unit: 'fen' },
    ],
    steps: [
      { label: { zh: '评估价值 × 抵押率', en: 'Valuation × LTV' }, formula: `${yuan(c.valuationFen)} × ${formatBp(ltv)} = ${yuan(gross)}`, resultFen: gross },
      { label: { zh: '减已抵押余额', en: 'Less existing charges' }, formula: `${yuan(gross)} − ${yuan(charges)} = ${yuan(raw)}`, resultFen: raw },
    ],
    rawFen: raw,
    notes: [],
  };
}

function creditModel(data: ApplicationData, _today: string, p: LimitParams): ModelOutput {
  const model = { zh: '金融资产 × 比例 + 月代发工资 × 倍数', en: 'AUM × share + monthly payroll × multiple' };
  const r = data.relationship;
  if (!r) return { model, inputs: [], steps: [], rawFen: 0, notes: [missing('我行存款/金融资产数据', 'deposit/AUM data')] };
  const fromAum = mulDiv(r.aumFen, p.credit.aumBp, 10_000);
  const payrollCounts = r.payrollMonths >= p.credit.minPayrollMonths;
  const fromPayroll = payrollCounts ? mulDiv(r.monthlyPayrollFen, p.credit.payrollMultiple, 1) : 0;
  const raw = sumFen([fromAum, fromPayroll]);
  const notes: Label[] = payrollCounts || r.monthlyPayrollFen === 0
    ? []
    : [{ zh: `代发工资仅 ${r.payrollMonths} 个月，不足 ${p.credit.minPayrollMonths} 个月，不计入`, en: `Payroll for ${r.payrollMonths} months only (< ${p.credit.minPayrollMonths}): not counted` }];
  return {
    model,
    inputs: [
      { key: 'aumFen', label: { zh: '金融资产（AUM）', en: 'AUM' }, value: r.aumFen, unit: 'fen' },
      { key: 'aumBp', label: { zh: 'AUM 比例', en: 'Share of AUM' }, value: p.credit.aumBp, unit: 'bp' },
      { key: 'monthlyPayrollFen', label: { zh: '月代发工资', en: 'Monthly payroll' }, value: r.monthlyPayrollFen, unit: 'fen' },
      { key: 'payrollMonths', label: { zh: '代发月数', en: 'Months of payroll' }, value: r.payrollMonths, unit: 'months' },
    ],
    steps: [
      { label: { zh: 'AUM × 比例', en: 'AUM × share' }, formula: `${yuan(r.aumFen)} × ${formatBp(p.credit.aumBp)} = ${yuan(fromAum)}`, resultFen: fromAum },
      { label: { zh: '月代发工资 × 倍数', en: 'Payroll × multiple' }, formula: `${yuan(payrollCounts ? r.monthlyPayrollFen : 0)} × ${p.credit.payrollMultiple} = ${yuan(fromPayroll)}`, resultFen: fromPayroll },
      { label: { zh: '合计', en: 'Total' }, formula: `${yuan(fromAum)} + ${yuan(fromPayroll)} = ${yuan(raw)}`, resultFen: raw },
    ],
    rawFen: raw,
    notes,
  };
}

function platformModel(data: ApplicationData, _today: string, p: LimitParams): ModelOutput {
  const model = { zh: '平台年交易额 × 比例', en: 'Annual platform sales × share' };
  const pl = data.platform;
  if (!pl) return { model, inputs: [], steps: [], rawFen: 0, notes: [missing('平台交易数据', 'platform data')] };
  const raw = mulDiv(pl.annualSalesFen, p.platform.salesBp, 10_000);
  return {
    model,
    inputs: [
      { key: 'platformName', label: { zh: '平台', en: 'Platform' }, value: pl.platformName, unit: 'text' },
      { key: 'annualSalesFen', label: { zh: '年交易额', en: 'Annual sales' }, value: pl.annualSalesFen, unit: 'fen' },
      { key: 'salesBp', label: { zh: '比例', en: 'Share' }, value: p.platform.salesBp, unit: 'bp' },
    ],
    steps: [{ label: { zh: '年交易额 × 比例', en: 'Sales × share' }, formula: `${yuan(pl.annualSalesFen)} × ${formatBp(p.platform.salesBp)} = ${yuan(raw)}`, resultFen: raw }],
    rawFen: raw,
    notes: [],
  };
}

function invoiceModel(data: ApplicationData, today: string, p: LimitParams): ModelOutput {
  const model = { zh: '合格发票金额 × 融资比例', en: 'Eligible invoices × advance rate' };
  const invoices = data.invoices ?? [];
  if (invoices.length === 0) return { model, inputs: [], steps: [], rawFen: 0, notes: [missing('发票', 'invoices')] };
  const notes: Label[] = [];
  let eligible = 0;
  let eligibleCount = 0;
  for (const inv of invoices) {
    const age = daysBetween(inv.issuedOn, today);
    if (inv.financed) notes.push({ zh: `发票 ${inv.invoiceNo} 已融资，不计入`, en: `Invoice ${inv.invoiceNo} already financed: left out` });
    else if (age < 0 || age > p.invoice.maxInvoiceAgeDays) notes.push({ zh: `发票 ${inv.invoiceNo} 开具已 ${age} 天，超过 ${p.invoice.maxInvoiceAgeDays} 天，不计入`, en: `Invoice ${inv.invoiceNo} is ${age} days old (> ${p.invoice.maxInvoiceAgeDays}): left out` });
    else {
      eligible = sumFen([eligible, inv.amountFen]);
      eligibleCount += 1;
    }
  }
  const raw = mulDiv(eligible, p.invoice.advanceBp, 10_000);
  return {
    model,
    inputs: [
      { key: 'invoices', label: { zh: '发票张数（合格/全部）', en: 'Invoices (eligible/all)' }, value: `${eligibleCount}/${invoices.length}`, unit: 'text' },
      { key: 'eligibleFen', label: { zh: '合格发票金额', en: 'Eligible invoice amount' }, value: eligible, unit: 'fen' },
      { key: 'advanceBp', label: { zh: '融资比例', en: 'Advance rate' }, value: p.invoice.advanceBp, unit: 'bp' },
    ],
    steps: [{ label: { zh: '合格发票金额 × 融资比例', en: 'Eligible × advance rate' }, formula: `${yuan(eligible)} × ${formatBp(p.invoice.advanceBp)} = ${yuan(raw)}`, resultFen: raw }],
    rawFen: raw,
    notes,
  };
}

function revolvingModel(data: ApplicationData, _today: string, p: LimitParams): ModelOutput {
  const model = { zh: '月收单流水 × 倍数', en: 'Monthly POS flow × multiple' };
  const r = data.relationship;
  if (!r) return { model, inputs: [], steps: [], rawFen: 0, notes: [missing('结算流水数据', 'settlement data')] };
  const raw = mulDiv(r.monthlyPosFen, p.revolving.posMultiple, 1);
  return {
    model,
    inputs: [
      { key: 'monthlyPosFen', label: { zh: '月收单流水', en: 'Monthly POS flow' }, value: r.monthlyPosFen, unit: 'fen' },
      { key: 'posMultiple', label: { zh: '倍数', en: 'Multiple' }, value: p.revolving.posMultiple, unit: 'count' },
    ],
    steps: [{ label: { zh: '月收单流水 × 倍数', en: 'POS flow × multiple' }, formula: `${yuan(r.monthlyPosFen)} × ${p.revolving.posMultiple} = ${yuan(raw)}`, resultFen: raw }],
    rawFen: raw,
    notes: [],
  };
}

/** One pure model per product; parameters come from the policy version in force. */
export const LIMIT_MODELS: Record<ProductCode, (data: ApplicationData, today: string, p: LimitParams) => ModelOutput> = {
  tax_loan: taxModel,
  mortgage_fast: mortgageModel,
  credit_fast: creditModel,
  platform_fast: platformModel,
  invoice_finance: invoiceModel,
  revolving: revolvingModel,
};
