import type { AuthorityRule } from '../../../shared/approval/authority';
import { fenToWanText, parseWan } from './wan-text';

/** The largest limit the host accepts (approval-api AuthorityRuleSchema). */
export const MAX_LIMIT_FEN = 100_000_000_000;

/** One editable row: the limit stays as typed until saved, so a half-typed '12.' is not lost. */
export interface RuleRow {
  key: number;
  role: AuthorityRule['role'];
  product: AuthorityRule['product'];
  riskGrade: AuthorityRule['riskGrade'];
  maxWan: string;
  inclusive: boolean;
}

export type RowProblem = 'badAmount' | 'tooLarge' | 'duplicate';

export function toRows(rules: readonly AuthorityRule[]): RuleRow[] {
  return rules.map((r, key) => ({ key, role: r.role, product: r.product, riskGrade: r.riskGrade, maxWan: fenToWanText(r.maxAmountFen), inclusive: r.inclusive }));
}

/** What is wrong with each row (by key): the amount, or a second rule for the same role, product and grade. */
export function rowProblems(rows: readonly RuleRow[]): Map<number, RowProblem> {
  const problems = new Map<number, RowProblem>();
  const seen = new Map<string, number>();
  for (const r of rows) {
    const fen = parseWan(r.maxWan);
    if (fen === null) problems.set(r.key, 'badAmount');
    else if (fen > MAX_LIMIT_FEN) problems.set(r.key, 'tooLarge');
    // Two rules of equal specificity would make "the most specific rule wins" depend on their order.
    const id = `${r.role}|${r.product}|${r.riskGrade}`;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.set(r.key, 'duplicate');
      if (!problems.has(first)) problems.set(first, 'duplicate');
    } else seen.set(id, r.key);
  }
  return problems;
}

/** Rows as the rules sent to 'authority:update'; null while any row has a problem. */
export function toRules(rows: readonly RuleRow[]): AuthorityRule[] | null {
  if (rows.length === 0 || rowProblems(rows).size > 0) return null;
  return rows.map((r) => ({ role: r.role, product: r.product, riskGrade: r.riskGrade, maxAmountFen: parseWan(r.maxWan)!, inclusive: r.inclusive }));
}
