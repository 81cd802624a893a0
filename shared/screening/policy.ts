import type { RiskGrade } from '../approval/authority';
import type { ProductCode, Segment, Team } from '../products/catalog';
import type { Condition, Params } from './conditions';
import type { CollateralClass } from './facts';
import type { Label } from '../domain/label';

export type RuleOutcome = 'pass' | 'refer' | 'decline';

/**
 * A screening rule as data. It fires when `when` is definitely true; its outcome then counts: `decline`
 * declines the case, `refer` sends it to an offline investigation (线下调查工单) carrying `instruction`,
 * `pass` only records the hit. `{name}` in the texts is replaced by the parameter of that name.
 */
export interface ScreeningRule {
  id: string;
  description: Label;
  when: Condition;
  outcome: RuleOutcome;
  reasonCode: string;
  enabled: boolean;
  params: Params;
  /** What the field officer must verify when the rule refers a case. */
  instruction?: Label;
}

/** Limit estimation (测额) parameters; every product model reads its own block. */
export interface LimitParams {
  /** 普惠基础授信: everyone off the negative list gets at least this (3万). */
  baseInclusiveFen: number;
  /** 公职人员: at least this (20万). */
  publicSectorMinFen: number;
  /** Model figures are rounded down to a whole multiple of this (1,000 元). */
  roundingUnitFen: number;
  /** 云税贷: annual tax paid × multiplier (bp, 10000 = 1×) by tax credit grade; other grades get no model limit. */
  tax: { multiplierBpByGrade: { A: number; B: number } };
  /** 抵押快贷: valuation × loan-to-value by class, less existing charges. */
  mortgage: { ltvBpByClass: Record<CollateralClass, number> };
  /** 信用快贷: AUM × aumBp + monthly payroll × payrollMultiple (payroll counted from minPayrollMonths months on). */
  credit: { aumBp: number; payrollMultiple: number; minPayrollMonths: number };
  /** 平台快贷: annual platform sales × salesBp. */
  platform: { salesBp: number };
  /** 发票融资: eligible invoices × advanceBp; invoices older than maxInvoiceAgeDays or already financed are left out. */
  invoice: { advanceBp: number; maxInvoiceAgeDays: number };
  /** 生意人卡循环贷: monthly POS flow × posMultiple. */
  revolving: { posMultiple: number };
}

/** One LPR publication (贷款市场报价利率), in force from its date until the next. */
export interface LprEntry {
  effectiveFrom: string; // YYYY-MM-DD
  oneYearBp: number;
  fiveYearBp: number;
}

export interface DiscountTier {
  minFen: number;
  discountBp: number;
}

/** Pricing: LPR + spread by risk grade (+ product adjustment) − contribution discount, never below the floor. */
export interface PricingParams {
  lpr: LprEntry[];
  /** Terms longer than this use the 5-year LPR. */
  fiveYearAboveMonths: number;
  spreadBpByGrade: Record<RiskGrade, number>;
  productSpreadBp: Partial<Record<ProductCode, number>>;
  /** 综合贡献度: the highest tier reached in each of deposits and POS, plus payroll; at most maxDiscountBp. */
  contribution: {
    depositTiers: DiscountTier[];
    posTiers: DiscountTier[];
    payroll: { minMonths: number; discountBp: number };
    maxDiscountBp: number;
  };
  floorBp: number;
  /** Loans priced at or above this do not consume the branch's loan quota (7.39%). */
  quotaExemptBp: number;
  /** How far below the model rate an officer / a senior officer may price on his own authority. */
  overrideCutBp: { officer: number; senior_officer: number };
}

/** Risk grade: points from factors (conditions over the facts) and refer hits, then thresholds. */
export interface GradingParams {
  basePoints: number;
  factors: { id: string; label: Label; when: Condition; points: number }[];
  pointsPerReferHit: number;
  minPointsA: number;
  minPointsB: number;
}

/** Which approval team gets a case that passes (retail / corporate, by product, segment and amount). */
export interface RoutingParams {
  corporateProducts: ProductCode[];
  corporateAbove: { segment: Segment | '*'; aboveFen: number }[];
  defaultTeam: Team;
}

/** One version of the whole screening policy; every screening result names the version it used. */
export interface ScreeningPolicy {
  rules: ScreeningRule[];
  limits: LimitParams;
  pricing: PricingParams;
  grading: GradingParams;
  routing: RoutingParams;
}

/** `{name}` → the parameter's value (lists joined). */
export function fillParams(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return Array.isArray(v) ? v.join('/') : String(v);
  });
}

/** A saved version of the policy (the desktop's and the central server's rule-set tables hold the same). */
export interface RuleSetVersion {
  version: number;
  policy: ScreeningPolicy;
  note: string;
  createdBy: string;
  createdAt: string;
}
