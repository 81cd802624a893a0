import { describe, expect, it } from 'vitest';
import type { RiskGrade } from '../approval/authority';
import type { ApplicationData } from '../domain/case';
import { DEFAULT_PRICING } from './default-policy';
import { lprOn, priceCase } from './pricing';
import { application, mortgage, relationship, TODAY, WAN } from './screening-fixtures';

const rel = relationship;

/** [label, case, grade, rate, floor applied, quota exempt]. LPR 1y 3.00%, 5y 3.50% since 2025-05-20. */
const TABLE: [string, ApplicationData, RiskGrade, number, boolean, boolean][] = [
  ['grade B, no contribution: 3.00% + 2.50%', application({ relationship: rel({}) }), 'B', 550, false, false],
  ['grade A: 3.00% + 1.00%', application({ relationship: rel({}) }), 'A', 400, false, false],
  ['grade C: 3.00% + 4.50% = 7.50%, quota exempt', application({ relationship: rel({}) }), 'C', 750, false, true],
  ['deposits exactly 10万: −10 bp', application({ relationship: rel({ avgDailyDepositFen: 10 * WAN }) }), 'B', 540, false, false],
  ['deposits one fen short of 10万: no discount', application({ relationship: rel({ avgDailyDepositFen: 10 * WAN - 1 }) }), 'B', 550, false, false],
  ['deposits 50万 + POS 10万: −20 −10', application({ relationship: rel({ avgDailyDepositFen: 50 * WAN, monthlyPosFen: 10 * WAN }) }), 'B', 520, false, false],
  ['all contributions: 30 + 15 + 15 capped at 50', application({ relationship: rel({ avgDailyDepositFen: 200 * WAN, monthlyPosFen: 50 * WAN, monthlyPayrollFen: 1 * WAN, payrollMonths: 6 }) }), 'B', 500, false, false],
  ['payroll 5 months: no payroll discount', application({ relationship: rel({ monthlyPayrollFen: 1 * WAN, payrollMonths: 5 }) }), 'B', 550, false, false],
  ['grade C with 11 bp discount: 7.39%, at the threshold', application({ relationship: rel({ avgDailyDepositFen: 10 * WAN }) }), 'C', 740, false, true],
  ['mortgage grade A, 36 months: 3.00% + 1.00% − 0.30%', mortgage({}, { relationship: rel({}) }), 'A', 370, false, false],
  ['mortgage grade A with full discount: 3.20% → floor 3.45%', mortgage({}, { relationship: rel({ avgDailyDepositFen: 200 * WAN, monthlyPosFen: 50 * WAN }) }), 'A', 345, true, false],
  ['mortgage 60 months: still 1-year LPR', mortgage({}, { termMonths: 60, relationship: rel({}) }), 'B', 520, false, false],
  ['mortgage 61 months: 5-year LPR 3.50%', mortgage({}, { termMonths: 61, relationship: rel({}) }), 'B', 570, false, false],
];

describe('pricing: LPR + spread − contribution, floor, quota-exempt threshold', () => {
  it.each(TABLE)('%s', (_label, data, grade, rate, floorApplied, exempt) => {
    const p = priceCase(data, TODAY, grade, DEFAULT_PRICING);
    expect(p.rateBp).toBe(rate);
    expect(p.floorApplied).toBe(floorApplied);
    expect(p.quotaExempt).toBe(exempt);
    expect(p.computedBp).toBe(p.lines.reduce((s, l) => s + l.bp, 0));
  });

  it('flags a rate of exactly 7.39% and not 7.38%', () => {
    const at = { ...DEFAULT_PRICING, spreadBpByGrade: { A: 100, B: 250, C: 439 } };
    expect(priceCase(application({ relationship: rel({}) }), TODAY, 'C', at)).toMatchObject({ rateBp: 739, quotaExempt: true });
    const below = { ...DEFAULT_PRICING, spreadBpByGrade: { A: 100, B: 250, C: 438 } };
    expect(priceCase(application({ relationship: rel({}) }), TODAY, 'C', below)).toMatchObject({ rateBp: 738, quotaExempt: false });
  });

  it('takes the LPR in force on the day: the new one from its effective date', () => {
    expect(lprOn(DEFAULT_PRICING.lpr, '2025-05-19')?.oneYearBp).toBe(310);
    expect(lprOn(DEFAULT_PRICING.lpr, '2025-05-20')?.oneYearBp).toBe(300);
    expect(lprOn(DEFAULT_PRICING.lpr, '2024-10-20')).toBeNull();
    expect(() => priceCase(application(), '2024-01-01', 'B', DEFAULT_PRICING)).toThrow(/no LPR/);
    const later = { ...DEFAULT_PRICING, lpr: [...DEFAULT_PRICING.lpr, { effectiveFrom: '2026-11-25', oneYearBp: 280, fiveYearBp: 330 }] };
    expect(priceCase(application({ relationship: rel({}) }), TODAY, 'B', later).rateBp).toBe(550);
    expect(priceCase(application({ relationship: rel({}) }), '2026-11-25', 'B', later).rateBp).toBe(530);
  });

  it('itemises every component with its figures', () => {
    const p = priceCase(mortgage({}, { relationship: rel({ avgDailyDepositFen: 200 * WAN, monthlyPosFen: 50 * WAN }) }), TODAY, 'A', DEFAULT_PRICING);
    expect(p.lines.map((l) => [l.code, l.bp])).toEqual([
      ['lpr', 300],
      ['grade_spread', 100],
      ['product_spread', -30],
      ['deposit_discount', -30],
      ['pos_discount', -15],
    ]);
    expect(p.lines[0]!.detail).toBe('3.00% (2025-05-20)');
    expect(p.discountBp).toBe(45);
    expect(p.computedBp).toBe(325);
    expect(p.rateBp).toBe(345);
  });
});
