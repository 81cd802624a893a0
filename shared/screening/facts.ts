import type { ApplicationData, Collateral } from '../domain/case';
import { PRODUCTS } from '../products/catalog';
import { licenceValidity } from '../validators/licence-validity';
import { wholeMonths, wholeYears } from './dates';
import type { Label } from '../domain/label';

/** A value a rule or grading factor reads; null = not known for this case (a rule on it does not fire). */
export type FactValue = number | string | boolean | null;
export type FactUnit = 'fen' | 'months' | 'years' | 'days' | 'count' | 'flag' | 'text';

/** Every fact the rules may read, with its label and unit (for evidence and the admin page). */
export const FACT_DEFS = {
  'product.code': { zh: '产品', en: 'Product', unit: 'text' },
  'customer.segment': { zh: '客户类型', en: 'Customer segment', unit: 'text' },
  'application.amountFen': { zh: '申请金额', en: 'Amount applied for', unit: 'fen' },
  'application.termMonths': { zh: '申请期限', en: 'Term applied for', unit: 'months' },
  'product.maxAmountFen': { zh: '产品金额上限', en: 'Product maximum amount', unit: 'fen' },
  'product.minTermMonths': { zh: '产品最短期限', en: 'Product minimum term', unit: 'months' },
  'product.maxTermMonths': { zh: '产品最长期限', en: 'Product maximum term', unit: 'months' },
  'product.minBusinessMonths': { zh: '产品要求经营年限', en: 'Product minimum time in business', unit: 'months' },
  'applicant.age': { zh: '申请人年龄', en: 'Applicant age', unit: 'years' },
  'applicant.publicSector': { zh: '公职人员', en: 'Public-sector employee', unit: 'flag' },
  'business.months': { zh: '经营时间', en: 'Time in business', unit: 'months' },
  'licence.validUntil': { zh: '营业执照有效期至', en: 'Licence valid until', unit: 'text' },
  'licence.expired': { zh: '营业执照已过期', en: 'Licence expired', unit: 'flag' },
  'negativeList.hits': { zh: '负面清单命中数', en: 'Negative-list hits', unit: 'count' },
  'credit.overdue': { zh: '征信逾期', en: 'Overdue on credit report', unit: 'flag' },
  'credit.badDebt': { zh: '不良/呆账', en: 'Bad debt', unit: 'flag' },
  'guarantee.mutual': { zh: '互保/联保', en: 'Mutual / joint guarantee', unit: 'flag' },
  'guarantee.chain': { zh: '担保链/担保圈', en: 'Guarantee chain / circle', unit: 'flag' },
  'collateral.present': { zh: '有抵押物', en: 'Collateral offered', unit: 'flag' },
  'collateral.kind': { zh: '抵押物类型', en: 'Collateral type', unit: 'text' },
  'collateral.class': { zh: '抵押率类别', en: 'Loan-to-value class', unit: 'text' },
  'collateral.local': { zh: '本地房产', en: 'Local property', unit: 'flag' },
  'collateral.thirdParty': { zh: '第三方房产', en: 'Third-party property', unit: 'flag' },
  'collateral.ageYears': { zh: '房龄', en: 'Property age', unit: 'years' },
  'tax.creditGrade': { zh: '纳税信用等级', en: 'Tax credit grade', unit: 'text' },
  'tax.annualTaxPaidFen': { zh: '年纳税额', en: 'Annual tax paid', unit: 'fen' },
  'relationship.avgDailyDepositFen': { zh: '日均存款', en: 'Average daily deposits', unit: 'fen' },
  'relationship.aumFen': { zh: '金融资产（AUM）', en: 'Assets under management', unit: 'fen' },
  'relationship.monthlyPayrollFen': { zh: '月代发工资', en: 'Monthly payroll', unit: 'fen' },
  'relationship.payrollMonths': { zh: '代发月数', en: 'Months of payroll', unit: 'months' },
  'relationship.monthlyPosFen': { zh: '月收单流水', en: 'Monthly POS flow', unit: 'fen' },
  'invoices.count': { zh: '发票张数', en: 'Invoices offered', unit: 'count' },
} as const satisfies Record<string, { zh: string; en: string; unit: FactUnit }>;

export type FactName = keyof typeof FACT_DEFS;
export const FACT_NAMES = Object.keys(FACT_DEFS) as FactName[];
export type Facts = Record<FactName, FactValue>;

/** Loan-to-value class of a property (DESIGN §5: residential and local industrial preferred). */
export const COLLATERAL_CLASSES = ['residential', 'local_industrial', 'shop', 'other'] as const;
export type CollateralClass = (typeof COLLATERAL_CLASSES)[number];

export const COLLATERAL_CLASS_LABELS: Record<CollateralClass, Label> = {
  residential: { zh: '住宅', en: 'Residential' },
  local_industrial: { zh: '本地工业厂房', en: 'Local industrial' },
  shop: { zh: '商铺', en: 'Shop' },
  other: { zh: '其他（含异地）', en: 'Other (incl. non-local)' },
};

/**
 * Non-local property of any kind falls to 'other'; an industrial property counts as local industrial only
 * when it is known to be local (the programme supports 本地工业厂房 specifically).
 */
export function collateralClass(c: Collateral): CollateralClass {
  if (c.local === false) return 'other';
  if (c.kind === 'residential') return 'residential';
  if (c.kind === 'commercial') return 'shop';
  return c.local === true ? 'local_industrial' : 'other';
}

/** The property belongs to someone other than the applicant or the applicant's enterprise (第三方房产). */
export function isThirdPartyCollateral(data: ApplicationData, c: Collateral): boolean {
  const owner = c.ownerIdNumber.toUpperCase();
  return owner !== data.applicant.idNumber.toUpperCase() && owner !== data.enterprise?.creditCode.toUpperCase();
}

export function isPublicSector(data: ApplicationData): boolean {
  return data.applicant.publicSectorEmployee === true || data.segment === 'public_sector';
}

/** The facts of one case on `today` (YYYY-MM-DD, Asia/Shanghai), given how many negative-list entries it hit. */
export function computeFacts(data: ApplicationData, today: string, negativeListHits: number): Facts {
  const p = PRODUCTS[data.productCode];
  const e = data.enterprise;
  const c = data.collateral ?? null;
  const licence = e?.licenceValidUntil
    ? licenceValidity({ from: e.establishedOn, to: e.licenceValidUntil }, today)
    : null;
  const r = data.relationship ?? null;
  return {
    'product.code': data.productCode,
    'customer.segment': data.segment,
    'application.amountFen': data.amountFen,
    'application.termMonths': data.termMonths,
    'product.maxAmountFen': p.maxAmountFen,
    'product.minTermMonths': p.minTermMonths,
    'product.maxTermMonths': p.maxTermMonths,
    'product.minBusinessMonths': p.minBusinessMonths,
    'applicant.age': wholeYears(data.applicant.birthDate, today),
    'applicant.publicSector': isPublicSector(data),
    'business.months': e ? wholeMonths(e.establishedOn, today) : null,
    'licence.validUntil': e?.licenceValidUntil ?? null,
    'licence.expired': licence === null || licence.status === 'invalid' ? null : licence.status === 'expired',
    'negativeList.hits': negativeListHits,
    'credit.overdue': data.creditHistory?.overdue ?? null,
    'credit.badDebt': data.creditHistory?.badDebt ?? null,
    'guarantee.mutual': data.guaranteeFlags?.mutual ?? null,
    'guarantee.chain': data.guaranteeFlags?.chain ?? null,
    'collateral.present': c !== null,
    'collateral.kind': c?.kind ?? null,
    'collateral.class': c ? collateralClass(c) : null,
    'collateral.local': c?.local ?? null,
    'collateral.thirdParty': c ? isThirdPartyCollateral(data, c) : null,
    'collateral.ageYears': c?.builtYear !== undefined && c ? Number(today.slice(0, 4)) - c.builtYear : null,
    'tax.creditGrade': data.tax?.creditGrade ?? null,
    'tax.annualTaxPaidFen': data.tax?.annualTaxPaidFen ?? null,
    'relationship.avgDailyDepositFen': r?.avgDailyDepositFen ?? null,
    'relationship.aumFen': r?.aumFen ?? null,
    'relationship.monthlyPayrollFen': r?.monthlyPayrollFen ?? null,
    'relationship.payrollMonths': r?.payrollMonths ?? null,
    'relationship.monthlyPosFen': r?.monthlyPosFen ?? null,
    'invoices.count': data.invoices ? data.invoices.length : null,
  };
}
