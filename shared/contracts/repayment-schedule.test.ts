import { describe, expect, it } from 'vitest';
import { buildSchedule, REPAYMENT_METHODS, type RepaymentMethod, type Schedule } from './repayment-schedule';

const MILLION_YUAN = 100_000_000; // fen

function principalSum(s: Schedule): number {
  return s.rows.reduce((sum, r) => sum + r.principalFen, 0);
}

describe('repayment schedules in fen', () => {
  it('等额本息: 1,000,000.00 at 4.90% over 360 months pays 5,307.27 a month', () => {
    const s = buildSchedule({ principalFen: MILLION_YUAN, termMonths: 360, rateBp: 490, method: 'equal_installment' });
    expect(s.installmentFen).toBe(530_727);
    expect(s.rows).toHaveLength(360);
    expect(s.rows[0]).toEqual({ period: 1, paymentFen: 530_727, principalFen: 122_394, interestFen: 408_333, balanceFen: 99_877_606 });
    for (const r of s.rows.slice(0, -1)) expect(r.paymentFen).toBe(530_727);
    // The last instalment absorbs the residue of rounding the level payment and each month's interest,
    // compounded over 30 years: at most half a fen per month each, so under 360 fen in all.
    expect(s.rows.at(-1)!.paymentFen).toBe(530_519);
    expect(Math.abs(s.rows.at(-1)!.paymentFen - 530_727)).toBeLessThan(360);
    expect(principalSum(s)).toBe(MILLION_YUAN);
    expect(s.rows.at(-1)!.balanceFen).toBe(0);
  });

  it('等额本金: 1,000,000.00 at 4.90% over 360 months starts at 6,861.11 and falls by 11.34 a month', () => {
    const s = buildSchedule({ principalFen: MILLION_YUAN, termMonths: 360, rateBp: 490, method: 'equal_principal' });
    expect(s.rows[0]!.paymentFen).toBe(686_111);
    expect(s.rows[0]!.principalFen).toBe(277_778);
    expect(s.monthlyDecreaseFen).toBe(1_134);
    const drops = s.rows.slice(1, -1).map((r, k) => s.rows[k]!.paymentFen - r.paymentFen);
    // 277,778 fen × 0.4083‰ = 1,134.26 fen: interest rounded to the fen each month drops 11.34, every fourth
    // month or so 11.35 — the residue of the nominal figure, never more.
    for (const d of drops) expect([1_134, 1_135]).toContain(d);
    expect(drops.filter((d) => d === 1_134).length).toBeGreaterThan(drops.length * 0.7);
    expect(s.rows[1]!.paymentFen).toBe(686_111 - 1_134);
    // 359 × 2,777.78 overshoots by 0.80: the last principal is 2,776.98.
    expect(s.rows.at(-1)!.principalFen).toBe(MILLION_YUAN - 359 * 277_778);
    expect(principalSum(s)).toBe(MILLION_YUAN);
  });

  it('按月付息到期还本: the same interest every month and the whole principal with the last one', () => {
    const s = buildSchedule({ principalFen: MILLION_YUAN, termMonths: 12, rateBp: 490, method: 'interest_only' });
    for (const r of s.rows.slice(0, -1)) expect(r).toMatchObject({ principalFen: 0, interestFen: 408_333, balanceFen: MILLION_YUAN });
    expect(s.rows.at(-1)).toEqual({ period: 12, paymentFen: MILLION_YUAN + 408_333, principalFen: MILLION_YUAN, interestFen: 408_333, balanceFen: 0 });
    expect(s.totalInterestFen).toBe(12 * 408_333);
  });

  it('keeps the principal summing to the amount exactly, for many random loans and every method', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    // Plain checks collected as text (one expect at the end): 1,500 schedules × up to 360 rows.
    const problems: string[] = [];
    for (let i = 0; i < 1_500; i++) {
      const principalFen = rand() < 0.1 ? 1 + Math.floor(rand() * 5_000) : 100 + Math.floor(rand() * 1e12);
      const termMonths = 1 + Math.floor(rand() * 360);
      const rateBp = rand() < 0.05 ? 0 : 1 + Math.floor(rand() * 3_600);
      const method: RepaymentMethod = REPAYMENT_METHODS[Math.floor(rand() * 3)]!;
      const s = buildSchedule({ principalFen, termMonths, rateBp, method });
      const label = `${principalFen} fen, ${termMonths} m, ${rateBp} bp, ${method}`;
      if (principalSum(s) !== principalFen) problems.push(`${label}: principal sums to ${principalSum(s)}`);
      if (s.rows.length !== termMonths) problems.push(`${label}: ${s.rows.length} rows`);
      let balance = principalFen;
      for (const r of s.rows) {
        if (r.principalFen < 0 || r.interestFen < 0) problems.push(`${label}: negative figure in period ${r.period}`);
        if (r.paymentFen !== r.principalFen + r.interestFen) problems.push(`${label}: payment ≠ principal + interest in period ${r.period}`);
        // Interest on the balance outstanding during the month, rounded half up (checked in BigInt).
        const twelveTimes = BigInt(balance) * BigInt(rateBp); // interest × 120,000
        const i120k = BigInt(r.interestFen) * 120_000n;
        if (!(i120k - 60_000n <= twelveTimes && twelveTimes < i120k + 60_000n)) problems.push(`${label}: interest of period ${r.period} not rounded from the balance`);
        balance -= r.principalFen;
        if (r.balanceFen !== balance) problems.push(`${label}: balance after period ${r.period}`);
      }
      if (balance !== 0) problems.push(`${label}: ${balance} fen left after the last instalment`);
      if (s.totalPaymentFen !== principalFen + s.totalInterestFen) problems.push(`${label}: totals`);
    }
    expect(problems).toEqual([]);
  });

  it('refuses an amount of zero or less, a term of zero and a negative rate', () => {
    expect(() => buildSchedule({ principalFen: 0, termMonths: 12, rateBp: 490, method: 'equal_installment' })).toThrow(RangeError);
    expect(() => buildSchedule({ principalFen: -100, termMonths: 12, rateBp: 490, method: 'equal_installment' })).toThrow(RangeError);
    expect(() => buildSchedule({ principalFen: 100, termMonths: 0, rateBp: 490, method: 'equal_principal' })).toThrow(RangeError);
    expect(() => buildSchedule({ principalFen: 100, termMonths: 12, rateBp: -1, method: 'interest_only' })).toThrow(RangeError);
  });
});
