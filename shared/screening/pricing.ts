import type { RiskGrade } from '../approval/authority';
import type { ApplicationData } from '../domain/case';
import { formatYuan } from '../money/fen';
import { formatBp } from './integer-math';
import type { DiscountTier, LprEntry, PricingParams } from './policy';
import type { Label } from '../domain/label';

export type PriceLineCode = 'lpr' | 'grade_spread' | 'product_spread' | 'deposit_discount' | 'pos_discount' | 'payroll_discount' | 'discount_cap';

export interface PriceLine {
  code: PriceLineCode;
  label: Label;
  /** Signed basis points this line adds to the rate. */
  bp: number;
  detail: string;
}

export interface PriceBreakdown {
  lpr: { effectiveFrom: string; tenor: '1y' | '5y'; bp: number };
  lines: PriceLine[];
  discountBp: number;
  /** LPR + spreads − discount, before the floor. */
  computedBp: number;
  floorBp: number;
  floorApplied: boolean;
  rateBp: number;
  quotaExemptBp: number;
  /** 价格以上放开: priced at or above the threshold, the loan does not consume the branch's quota. */
  quotaExempt: boolean;
}

/** The LPR in force on `today`: the latest publication effective on or before it. */
export function lprOn(entries: readonly LprEntry[], today: string): LprEntry | null {
  let best: LprEntry | null = null;
  for (const e of entries) if (e.effectiveFrom <= today && (!best || e.effectiveFrom > best.effectiveFrom)) best = e;
  return best;
}

function tierFor(tiers: readonly DiscountTier[], amountFen: number): DiscountTier | null {
  let best: DiscountTier | null = null;
  for (const t of tiers) if (amountFen >= t.minFen && (!best || t.minFen > best.minFen)) best = t;
  return best;
}

/**
 * 定价: LPR (1-year, or 5-year above the threshold term) + spread for the risk grade + product adjustment −
 * the customer's contribution discount (deposits, POS, payroll; capped), never below the floor. Integer
 * basis points throughout. Throws if no LPR is in force on the date (a configuration error).
 */
export function priceCase(data: ApplicationData, today: string, grade: RiskGrade, p: PricingParams): PriceBreakdown {
  const entry = lprOn(p.lpr, today);
  if (!entry) throw new RangeError(`no LPR in force on ${today}`);
  const tenor = data.termMonths > p.fiveYearAboveMonths ? '5y' : '1y';
  const lprBp = tenor === '5y' ? entry.fiveYearBp : entry.oneYearBp;
  const lines: PriceLine[] = [
    {
      code: 'lpr',
      label: tenor === '5y' ? { zh: '5年期以上LPR', en: '5-year LPR' } : { zh: '1年期LPR', en: '1-year LPR' },
      bp: lprBp,
      detail: `${formatBp(lprBp)} (${entry.effectiveFrom})`,
    },
    { code: 'grade_spread', label: { zh: `风险等级${grade}加点`, en: `Spread for grade ${grade}` }, bp: p.spreadBpByGrade[grade], detail: `+${p.spreadBpByGrade[grade]} bp` },
  ];
  const productSpread = p.productSpreadBp[data.productCode] ?? 0;
  if (productSpread !== 0) {
    lines.push({ code: 'product_spread', label: { zh: '产品调整', en: 'Product adjustment' }, bp: productSpread, detail: `${productSpread > 0 ? '+' : ''}${productSpread} bp` });
  }
  const r = data.relationship;
  let discount = 0;
  if (r) {
    const dep = tierFor(p.contribution.depositTiers, r.avgDailyDepositFen);
    if (dep) {
      lines.push({ code: 'deposit_discount', label: { zh: '存款贡献优惠', en: 'Deposit contribution' }, bp: -dep.discountBp, detail: `${formatYuan(r.avgDailyDepositFen, { symbol: true })} ≥ ${formatYuan(dep.minFen, { symbol: true })}` });
      discount += dep.discountBp;
    }
    const pos = tierFor(p.contribution.posTiers, r.monthlyPosFen);
    if (pos) {
      lines.push({ code: 'pos_discount', label: { zh: 'POS收单贡献优惠', en: 'POS contribution' }, bp: -pos.discountBp, detail: `${formatYuan(r.monthlyPosFen, { symbol: true })} ≥ ${formatYuan(pos.minFen, { symbol: true })}` });
      discount += pos.discountBp;
    }
    if (r.payrollMonths >= p.contribution.payroll.minMonths && r.monthlyPayrollFen > 0) {
      lines.push({ code: 'payroll_discount', label: { zh: '代发工资贡献优惠', en: 'Payroll contribution' }, bp: -p.contribution.payroll.discountBp, detail: `${r.payrollMonths} ≥ ${p.contribution.payroll.minMonths}` });
      discount += p.contribution.payroll.discountBp;
    }
  }
  if (discount > p.contribution.maxDiscountBp) {
    lines.push({ code: 'discount_cap', label: { zh: '优惠上限', en: 'Discount cap' }, bp: discount - p.contribution.maxDiscountBp, detail: `${discount} → ${p.contribution.maxDiscountBp} bp` });
    discount = p.contribution.maxDiscountBp;
  }
  const computedBp = lines.reduce((s, l) => s + l.bp, 0);
  const floorApplied = computedBp < p.floorBp;
  const rateBp = floorApplied ? p.floorBp : computedBp;
  return {
    lpr: { effectiveFrom: entry.effectiveFrom, tenor, bp: lprBp },
    lines,
    discountBp: discount,
    computedBp,
    floorBp: p.floorBp,
    floorApplied,
    rateBp,
    quotaExemptBp: p.quotaExemptBp,
    quotaExempt: rateBp >= p.quotaExemptBp,
  };
}
