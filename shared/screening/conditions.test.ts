import { describe, expect, it } from 'vitest';
import { evaluateCondition, paramsUsed, type Condition } from './conditions';
import { computeFacts } from './facts';
import { application, TODAY } from './screening-fixtures';

const facts = { ...computeFacts(application(), TODAY, 0), 'collateral.ageYears': null };

describe('conditions are three-valued', () => {
  const unknown: Condition = { fact: 'collateral.ageYears', op: 'gt', to: { value: 20 } };
  const yes: Condition = { fact: 'applicant.age', op: 'gte', to: { value: 18 } };
  const no: Condition = { fact: 'applicant.age', op: 'lt', to: { value: 18 } };

  it.each([
    ['a known true test', yes, true],
    ['a known false test', no, false],
    ['a test on an unknown fact', unknown, null],
    ['not of an unknown fact (never turns missing data into a hit)', { not: unknown }, null],
    ['all with one unknown', { all: [yes, unknown] }, null],
    ['all with one false', { all: [no, unknown] }, false],
    ['any with one true', { any: [unknown, yes] }, true],
    ['any with no true and one unknown', { any: [no, unknown] }, null],
    ['missing on an unknown fact', { fact: 'collateral.ageYears', op: 'missing' }, true],
    ['in a list', { fact: 'product.code', op: 'in', to: { value: ['credit_fast', 'tax_loan'] } }, true],
    ['not in a list', { fact: 'product.code', op: 'notIn', to: { value: ['credit_fast'] } }, false],
    ['compared with another fact', { fact: 'application.amountFen', op: 'lte', to: { fact: 'product.maxAmountFen' } }, true],
  ] as [string, Condition, boolean | null][])('%s', (_label, cond, truth) => {
    expect(evaluateCondition(cond, facts, {}).truth).toBe(truth);
  });

  it('reads every fact of the condition as evidence, even after the outcome is known', () => {
    const r = evaluateCondition({ any: [yes, { fact: 'business.months', op: 'lt', to: { fact: 'product.minBusinessMonths' } }] }, facts, {});
    expect(r.truth).toBe(true);
    expect(Object.keys(r.read).sort()).toEqual(['applicant.age', 'business.months', 'product.minBusinessMonths']);
  });

  it('takes thresholds from the rule parameters and names the ones it uses', () => {
    const cond: Condition = { fact: 'applicant.age', op: 'gt', to: { param: 'maxAge' } };
    expect(evaluateCondition(cond, facts, { maxAge: 30 }).truth).toBe(true);
    expect(evaluateCondition(cond, facts, { maxAge: 65 }).truth).toBe(false);
    expect([...paramsUsed({ all: [cond, { not: { fact: 'applicant.age', op: 'lt', to: { param: 'minAge' } } }] })]).toEqual(['maxAge', 'minAge']);
    expect(() => evaluateCondition(cond, facts, {})).toThrow(/maxAge/);
  });
});
