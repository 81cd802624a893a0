import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './default-policy';
import { parsePolicy } from './policy-schema';

const clone = () => JSON.parse(JSON.stringify(DEFAULT_POLICY)) as typeof DEFAULT_POLICY;

describe('the screening policy as validated data', () => {
  it('accepts the shipped policy as it round-trips through JSON', () => {
    const r = parsePolicy(clone());
    expect(r.success).toBe(true);
    expect(r.data).toEqual(DEFAULT_POLICY);
  });

  it.each([
    ['a rule whose condition names a parameter it lacks', (p: typeof DEFAULT_POLICY) => (p.rules[1]!.params = { minAge: 18 }), 'needs parameter maxAge'],
    ['two rules with one id', (p: typeof DEFAULT_POLICY) => (p.rules[1]!.id = p.rules[0]!.id), 'duplicate rule id'],
    ['a condition on an unknown fact', (p: typeof DEFAULT_POLICY) => ((p.rules[0]!.when as { fact: string }).fact = 'applicant.shoeSize'), 'fact'],
    ['an LTV above 100%', (p: typeof DEFAULT_POLICY) => (p.limits.mortgage.ltvBpByClass.residential = 12_000), 'residential'],
    ['a fractional rate', (p: typeof DEFAULT_POLICY) => (p.pricing.floorBp = 345.5), 'floorBp'],
    ['two LPR entries on one date', (p: typeof DEFAULT_POLICY) => p.pricing.lpr.push({ ...p.pricing.lpr[0]! }), 'same date'],
    ['an unknown key', (p: typeof DEFAULT_POLICY) => Object.assign(p.pricing, { bonus: 1 }), 'bonus'],
  ])('refuses %s', (_label, edit, mention) => {
    const p = clone();
    edit(p);
    const r = parsePolicy(p);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(mention);
  });
});
