import type { Label } from '../domain/label';

/**
 * Repayment schedules in integer fen (DESIGN §4, §8). Interest for a month is the outstanding balance times the
 * monthly rate (annual rate ÷ 12), rounded half up to the fen; the principal of every instalment but the last is
 * fixed by the method, and the last instalment repays whatever balance is left, so the principal always sums to
 * the amount lent, exactly. All arithmetic that can exceed 2^53 runs in BigInt; no float touches an amount.
 */

export const REPAYMENT_METHODS = ['equal_installment', 'equal_principal', 'interest_only'] as const;
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];

export const REPAYMENT_METHOD_LABELS: Record<RepaymentMethod, Label> = {
  equal_installment: { zh: '等额本息', en: 'Equal instalments' },
  equal_principal: { zh: '等额本金', en: 'Equal principal' },
  interest_only: { zh: '按月付息、到期还本', en: 'Monthly interest, principal at maturity' },
};

/** Basis points per year → per month: 1 bp = 0.01 %, so the monthly rate is bp / (10,000 × 12). */
const MONTHLY_DENOMINATOR = 120_000n;

export const MAX_TERM_MONTHS = 360;
export const MAX_RATE_BP = 3_600;

export interface ScheduleInput {
  principalFen: number;
  termMonths: number;
  /** Annual rate in basis points (490 = 4.90 %). */
  rateBp: number;
  method: RepaymentMethod;
}

export interface ScheduleRow {
  period: number;
  paymentFen: number;
  principalFen: number;
  interestFen: number;
  /** Principal still owed after this instalment. */
  balanceFen: number;
}

export interface Schedule extends ScheduleInput {
  rows: ScheduleRow[];
  totalPaymentFen: number;
  totalInterestFen: number;
  /** 等额本息: the level monthly payment (the last one may differ by the rounding residue). */
  installmentFen: number | null;
  /** 等额本金: the nominal monthly decrease of the payment (fixed principal × monthly rate). */
  monthlyDecreaseFen: number | null;
}

/** Throws RangeError for input the contract validator should have refused already. */
export function buildSchedule(input: ScheduleInput): Schedule {
  const { principalFen, termMonths, rateBp, method } = input;
  if (!Number.isSafeInteger(principalFen) || principalFen <= 0) throw new RangeError(`buildSchedule: principal must be a positive integer of fen, got ${principalFen}`);
  if (!Number.isInteger(termMonths) || termMonths < 1 || termMonths > MAX_TERM_MONTHS) throw new RangeError(`buildSchedule: term must be 1…${MAX_TERM_MONTHS} months, got ${termMonths}`);
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > MAX_RATE_BP) throw new RangeError(`buildSchedule: rate must be 0…${MAX_RATE_BP} bp, got ${rateBp}`);
  const bp = BigInt(rateBp);
  const interestOn = (balance: bigint) => roundDiv(balance * bp, MONTHLY_DENOMINATOR);
  const P = BigInt(principalFen);
  const n = termMonths;

  let fixedPrincipal: bigint | null = null; // equal_principal
  let level: bigint | null = null; // equal_installment
  if (method === 'equal_installment') level = levelPayment(P, bp, n);
  if (method === 'equal_principal') {
    fixedPrincipal = roundDiv(P, BigInt(n));
    // Rounding up must not leave the last instalment with a negative principal (tiny loans over long terms).
    if (fixedPrincipal * BigInt(n - 1) > P) fixedPrincipal = P / BigInt(n);
  }

  const rows: ScheduleRow[] = [];
  let balance = P;
  for (let period = 1; period <= n; period++) {
    const interest = interestOn(balance);
    let principal: bigint;
    if (period === n) principal = balance;
    else if (level !== null) principal = min(max(level - interest, 0n), balance);
    else if (fixedPrincipal !== null) principal = fixedPrincipal;
    else principal = 0n;
    balance -= principal;
    rows.push({ period, paymentFen: Number(principal + interest), principalFen: Number(principal), interestFen: Number(interest), balanceFen: Number(balance) });
  }
  const totalInterest = rows.reduce((s, r) => s + BigInt(r.interestFen), 0n);
  return {
    ...input,
    rows,
    totalInterestFen: Number(totalInterest),
    totalPaymentFen: Number(P + totalInterest),
    installmentFen: level === null ? null : Number(level),
    monthlyDecreaseFen: fixedPrincipal === null ? null : Number(interestOn(fixedPrincipal)),
  };
}

/**
 * 等额本息: A = P·i·(1+i)^n / ((1+i)^n − 1) with i = bp / 120,000, evaluated exactly as
 * P·bp·q^n / (120,000·(q^n − 120,000^n)) with q = 120,000 + bp, then rounded half up to the fen.
 */
function levelPayment(P: bigint, bp: bigint, n: number): bigint {
  if (bp === 0n) return roundDiv(P, BigInt(n));
  const qn = (MONTHLY_DENOMINATOR + bp) ** BigInt(n);
  const dn = MONTHLY_DENOMINATOR ** BigInt(n);
  return roundDiv(P * bp * qn, MONTHLY_DENOMINATOR * (qn - dn));
}

/** a / b rounded half up, for a ≥ 0, b > 0. */
function roundDiv(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);
