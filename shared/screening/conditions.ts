import type { FactName, Facts, FactValue } from './facts';

/** A rule parameter an administrator may edit (a new rule-set version each time). */
export type ParamValue = number | string | boolean | string[];
export type Params = Record<string, ParamValue>;

/** The right-hand side of a test: another fact, a parameter of the rule, or a literal. */
export type Operand = { fact: FactName } | { param: string } | { value: ParamValue };

export type Condition =
  | { fact: FactName; op: 'lt' | 'lte' | 'gt' | 'gte' | 'eq' | 'ne' | 'in' | 'notIn'; to: Operand }
  | { fact: FactName; op: 'isTrue' | 'isFalse' | 'missing' | 'present' }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/**
 * Three-valued: a test on a fact that is not known (null) is itself unknown, and only a condition that is
 * definitely true fires. So "age outside 18–65" never fires for want of a birth date, and `not` cannot turn
 * a missing fact into a hit.
 */
export type Truth = boolean | null;

export interface ConditionEvaluation {
  truth: Truth;
  /** Facts the condition reads, with their values: the evidence of a hit. */
  read: Partial<Record<FactName, FactValue>>;
}

export function evaluateCondition(cond: Condition, facts: Facts, params: Params): ConditionEvaluation {
  const read: Partial<Record<FactName, FactValue>> = {};
  const truth = evaluate(cond, facts, params, read);
  return { truth, read };
}

function evaluate(cond: Condition, facts: Facts, params: Params, read: Partial<Record<FactName, FactValue>>): Truth {
  if ('all' in cond) {
    // Every branch is evaluated (no short cut) so the evidence lists all the facts the rule looks at.
    const values = cond.all.map((c) => evaluate(c, facts, params, read));
    if (values.includes(false)) return false;
    return values.includes(null) ? null : true;
  }
  if ('any' in cond) {
    const values = cond.any.map((c) => evaluate(c, facts, params, read));
    if (values.includes(true)) return true;
    return values.includes(null) ? null : false;
  }
  if ('not' in cond) {
    const v = evaluate(cond.not, facts, params, read);
    return v === null ? null : !v;
  }
  const left = facts[cond.fact];
  read[cond.fact] = left;
  switch (cond.op) {
    case 'missing':
      return left === null;
    case 'present':
      return left !== null;
    case 'isTrue':
      return left === null ? null : left === true;
    case 'isFalse':
      return left === null ? null : left === false;
    default: {
      const right = operand(cond.to, facts, params, read);
      if (left === null || right === null) return null;
      return compare(cond.op, left, right);
    }
  }
}

function operand(o: Operand, facts: Facts, params: Params, read: Partial<Record<FactName, FactValue>>): ParamValue | null {
  if ('fact' in o) {
    read[o.fact] = facts[o.fact];
    return facts[o.fact];
  }
  if ('param' in o) {
    const v = params[o.param];
    if (v === undefined) throw new RangeError(`condition names parameter '${o.param}', which the rule does not have`);
    return v;
  }
  return o.value;
}

function compare(op: 'lt' | 'lte' | 'gt' | 'gte' | 'eq' | 'ne' | 'in' | 'notIn', left: string | number | boolean, right: ParamValue): boolean {
  if (op === 'in' || op === 'notIn') {
    if (!Array.isArray(right)) throw new RangeError(`'${op}' needs a list`);
    const found = right.includes(String(left));
    return op === 'in' ? found : !found;
  }
  if (Array.isArray(right)) throw new RangeError(`'${op}' cannot compare with a list`);
  switch (op) {
    case 'eq':
      return left === right;
    case 'ne':
      return left !== right;
  }
  if (typeof left !== 'number' || typeof right !== 'number') throw new RangeError(`'${op}' compares numbers only`);
  switch (op) {
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
  }
}

/** Parameters a condition refers to (checked when a rule set is saved). */
export function paramsUsed(cond: Condition, into = new Set<string>()): Set<string> {
  if ('all' in cond) cond.all.forEach((c) => paramsUsed(c, into));
  else if ('any' in cond) cond.any.forEach((c) => paramsUsed(c, into));
  else if ('not' in cond) paramsUsed(cond.not, into);
  else if ('to' in cond && 'param' in cond.to) into.add(cond.to.param);
  return into;
}
