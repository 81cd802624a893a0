/**
 * Exact integer arithmetic for limits and prices. Amounts are fen and rates basis points; a product such as
 * 1万亿元 of collateral × 7000 bp does not fit in a double's 53 bits, so multiply–divide goes through BigInt
 * and rounds explicitly. Nothing here ever produces a fraction of a fen.
 */

export type Rounding = 'floor' | 'half_up';

/** a × num / den, rounded as asked; a, num, den integers, den > 0, a and num not negative. */
export function mulDiv(a: number, num: number, den: number, rounding: Rounding = 'floor'): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0 || a < 0 || num < 0) {
    throw new RangeError(`mulDiv: expected non-negative integers and a positive divisor, got ${a} × ${num} / ${den}`);
  }
  const product = BigInt(a) * BigInt(num);
  const d = BigInt(den);
  let q = product / d;
  if (rounding === 'half_up' && (product % d) * 2n >= d) q += 1n;
  if (q > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`mulDiv: ${a} × ${num} / ${den} exceeds the safe integer range`);
  return Number(q);
}

/** Rounds down to a whole multiple of `unit` (e.g. 100,000 fen = 1,000 元). */
export function floorTo(value: number, unit: number): number {
  if (!Number.isSafeInteger(value) || !Number.isSafeInteger(unit) || unit <= 0) throw new RangeError(`floorTo: ${value} / ${unit}`);
  return value - (((value % unit) + unit) % unit);
}

/** 435 → '4.35%'. */
export function formatBp(bp: number): string {
  if (!Number.isSafeInteger(bp)) throw new RangeError(`formatBp: ${bp}`);
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}
