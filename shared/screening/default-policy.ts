import { DEFAULT_RULES } from './default-rules';
import type { GradingParams, LimitParams, PricingParams, RoutingParams, ScreeningPolicy } from './policy';

const WAN = 1_000_000; // 1万元 in fen

/** 测额 as shipped: the programme's 3万 base and 20万 public-sector floor; model factors are the bank's to tune. */
export const DEFAULT_LIMITS: LimitParams = {
  baseInclusiveFen: 3 * WAN,
  publicSectorMinFen: 20 * WAN,
  roundingUnitFen: 100_000, // 1,000 元
  tax: { multiplierBpByGrade: { A: 80_000, B: 50_000 } }, // 8× and 5× annual tax paid
  mortgage: { ltvBpByClass: { residential: 7_000, local_industrial: 6_000, shop: 5_000, other: 4_000 } },
  credit: { aumBp: 5_000, payrollMultiple: 12, minPayrollMonths: 6 },
  platform: { salesBp: 2_000 },
  invoice: { advanceBp: 8_000, maxInvoiceAgeDays: 180 },
  revolving: { posMultiple: 3 },
};

/** LPR as published by the NIFC (1-year / over-5-year); admins add a row when a new one is announced. */
export const DEFAULT_PRICING: PricingParams = {
  lpr: [
    { effectiveFrom: '2024-10-21', oneYearBp: 310, fiveYearBp: 360 },
    { effectiveFrom: '2025-05-20', oneYearBp: 300, fiveYearBp: 350 },
  ],
  fiveYearAboveMonths: 60,
  spreadBpByGrade: { A: 100, B: 250, C: 450 },
  productSpreadBp: { mortgage_fast: -30, platform_fast: 30, revolving: 50 },
  contribution: {
    depositTiers: [
      { minFen: 10 * WAN, discountBp: 10 },
      { minFen: 50 * WAN, discountBp: 20 },
      { minFen: 200 * WAN, discountBp: 30 },
    ],
    posTiers: [
      { minFen: 10 * WAN, discountBp: 10 },
      { minFen: 50 * WAN, discountBp: 15 },
    ],
    payroll: { minMonths: 6, discountBp: 15 },
    maxDiscountBp: 50,
  },
  floorBp: 345,
  quotaExemptBp: 739,
  overrideCutBp: { officer: 30, senior_officer: 80 },
};

export const DEFAULT_GRADING: GradingParams = {
  basePoints: 60,
  factors: [
    { id: 'tax_a', label: { zh: '纳税信用A级', en: 'Tax credit grade A' }, when: { fact: 'tax.creditGrade', op: 'eq', to: { value: 'A' } }, points: 15 },
    { id: 'tax_b', label: { zh: '纳税信用B级', en: 'Tax credit grade B' }, when: { fact: 'tax.creditGrade', op: 'eq', to: { value: 'B' } }, points: 8 },
    { id: 'established', label: { zh: '经营满3年', en: 'In business 3 years or more' }, when: { fact: 'business.months', op: 'gte', to: { value: 36 } }, points: 10 },
    {
      id: 'good_collateral',
      label: { zh: '住宅或本地工业厂房抵押', en: 'Residential or local industrial collateral' },
      when: { fact: 'collateral.class', op: 'in', to: { value: ['residential', 'local_industrial'] } },
      points: 10,
    },
    { id: 'deposits', label: { zh: '日均存款满10万元', en: 'Average deposits of 100,000 yuan or more' }, when: { fact: 'relationship.avgDailyDepositFen', op: 'gte', to: { value: 10 * WAN } }, points: 5 },
    { id: 'payroll', label: { zh: '在我行代发工资满6个月', en: 'Payroll with the bank for 6 months or more' }, when: { fact: 'relationship.payrollMonths', op: 'gte', to: { value: 6 } }, points: 5 },
    { id: 'public_sector', label: { zh: '公职人员', en: 'Public-sector employee' }, when: { fact: 'applicant.publicSector', op: 'isTrue' }, points: 10 },
    { id: 'overdue', label: { zh: '征信逾期', en: 'Overdue on the credit report' }, when: { fact: 'credit.overdue', op: 'isTrue' }, points: -30 },
    {
      id: 'guarantee_circle',
      label: { zh: '互保/联保或担保链', en: 'Mutual or chain guarantee' },
      when: { any: [{ fact: 'guarantee.mutual', op: 'isTrue' }, { fact: 'guarantee.chain', op: 'isTrue' }] },
      points: -15,
    },
  ],
  pointsPerReferHit: -10,
  minPointsA: 80,
  minPointsB: 60,
};

/** Reproduces the catalogue's `teamFor` (corporate products; micro enterprises above 300万). */
export const DEFAULT_ROUTING: RoutingParams = {
  corporateProducts: ['mortgage_fast', 'invoice_finance'],
  corporateAbove: [{ segment: 'micro_enterprise', aboveFen: 300 * WAN }],
  defaultTeam: 'retail',
};

export const DEFAULT_POLICY: ScreeningPolicy = {
  rules: [...DEFAULT_RULES],
  limits: DEFAULT_LIMITS,
  pricing: DEFAULT_PRICING,
  grading: DEFAULT_GRADING,
  routing: DEFAULT_ROUTING,
};
