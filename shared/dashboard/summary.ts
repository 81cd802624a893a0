import type { Summary } from './figures';

/**
 * Count, p50, p90 and mean of a list of working minutes. Percentiles by nearest rank: the value at rank
 * ⌈p·n⌉ of the ascending list, so every reported percentile is a duration that actually occurred.
 */
export function summarise(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) return { count: 0, p50: null, p90: null, mean: null };
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  return { count: n, p50: nearestRank(sorted, 0.5), p90: nearestRank(sorted, 0.9), mean: Math.round((sum / n) * 10) / 10 };
}

export function nearestRank(sorted: Float64Array, p: number): number {
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

/** Index of the bin a value falls in: bins are [0, e0), [e0, e1), …, [e_last, ∞). */
export function binOf(value: number, edges: readonly number[]): number {
  let bin = 0;
  while (bin < edges.length && value >= edges[bin]!) bin++;
  return bin;
}

/** a / b rounded to four places, or null when there is nothing to divide by. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : Math.round((a / b) * 10_000) / 10_000;
}

/** Bin edges in working minutes, from the length of a working day (510 for 09:00–17:30). */
export function cycleBinEdges(workday: number): number[] {
  return [30, 60, 120, 240, workday, 2 * workday, 4 * workday, 10 * workday];
}

/** End to end starts at 4 working hours (the document-check SLA), then whole working days. */
export function endToEndBinEdges(workday: number): number[] {
  return [240, workday, 2 * workday, 3 * workday, 5 * workday, 10 * workday, 20 * workday];
}

/**
 * Backlog age buckets: < 4 h, 4 h – 1 working day, 1–2 working days, > 2 working days. "8 h" in the
 * brief is read as one working day (8.5 working hours at 09:00–17:30), so the buckets leave no gap.
 */
export function backlogEdges(workday: number): number[] {
  return [240, workday, 2 * workday];
}
