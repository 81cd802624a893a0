import type { DashboardResult, FigureRef } from './figures';

/** Per key part: an exact value, undefined for any, or a test (a day matches each of its hours). */
type Pattern = (string | number | undefined | ((part: string) => boolean))[];

/** The leaf keys a figure covers; undefined parts match every leaf (e.g. a stage's throughput = all its days). */
function patternOf(ref: FigureRef): Pattern {
  switch (ref.kind) {
    case 'throughput': {
      const day = ref.day;
      return ['tp', ref.stage, ref.hour ?? (day === undefined ? undefined : (hour: string) => hour.startsWith(`${day} `))];
    }
    case 'cycle':
      return ['cy', ref.stage, ref.bin];
    case 'slaBreached':
      return ['sla', ref.stage];
    case 'breachingNow':
      return ['now', ref.stage];
    case 'backlog':
      return ['bl', ref.stage, ref.bucket];
    case 'firstPass':
      return ['fp', ref.returned ? 'returned' : 'first'];
    case 'returns':
      return ['rt', ref.returnKind, ref.reason === null ? '' : ref.reason];
    case 'decision':
      return ['dc', ref.outcome, undefined];
    case 'ruleHit':
      return ['rh', ref.rule];
    case 'person':
      return ['pp', ref.personId, ref.column];
  }
}

function matches(key: string, pattern: Pattern): boolean {
  const parts = key.split('|');
  if (parts.length !== pattern.length) return false;
  for (let i = 0; i < parts.length; i++) {
    const want = pattern[i];
    if (want === undefined) continue;
    const part = decodeURIComponent(parts[i]!);
    if (typeof want === 'function' ? !want(part) : part !== String(want)) return false;
  }
  return true;
}

/**
 * The distinct cases behind a figure, in the order they were counted. A case counted twice (it left the
 * stage twice in the period) is listed once.
 */
export function caseIdsOf(result: DashboardResult, ref: FigureRef): string[] {
  const pattern = patternOf(ref);
  const seen = new Set<number>();
  for (const [key, list] of result.drill) {
    if (!matches(key, pattern)) continue;
    for (const ix of list) seen.add(ix);
  }
  return Array.from(seen, (ix) => result.cases[ix]!.id);
}

/** How many items a figure counts (with repeats), from the same lists the drill-down reads. */
export function countOf(result: DashboardResult, ref: FigureRef): number {
  const pattern = patternOf(ref);
  let n = 0;
  for (const [key, ids] of result.drill) if (matches(key, pattern)) n += ids.length;
  return n;
}
