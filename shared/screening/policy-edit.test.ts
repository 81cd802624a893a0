import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './default-policy';
import { applyPolicyEdit, editOf, PolicyEditSchema } from './policy-edit';

const edit = () => JSON.parse(JSON.stringify(editOf(DEFAULT_POLICY))) as ReturnType<typeof editOf>;

describe('an administrator’s edit of the policy', () => {
  it('round-trips unchanged', () => {
    const r = applyPolicyEdit(DEFAULT_POLICY, PolicyEditSchema.parse(edit()));
    expect(r.ok && r.value).toEqual(DEFAULT_POLICY);
  });

  it('switches a rule off, moves a parameter, adds an LPR and changes a factor’s points', () => {
    const e = edit();
    e.rules.find((r) => r.id === 'R060')!.enabled = false;
    e.rules.find((r) => r.id === 'R010')!.params = { minAge: 20, maxAge: 60 };
    e.pricing.lpr.push({ effectiveFrom: '2026-12-22', oneYearBp: 290, fiveYearBp: 340 });
    e.grading.factorPoints.tax_a = 20;
    const r = applyPolicyEdit(DEFAULT_POLICY, e);
    if (!r.ok) throw new Error(r.error.messageEn);
    expect(r.value.rules.find((x) => x.id === 'R060')!.enabled).toBe(false);
    expect(r.value.rules.find((x) => x.id === 'R010')!.params).toEqual({ minAge: 20, maxAge: 60 });
    expect(r.value.rules.find((x) => x.id === 'R010')!.when).toEqual(DEFAULT_POLICY.rules[1]!.when);
    expect(r.value.pricing.lpr).toHaveLength(3);
    expect(r.value.grading.factors.find((f) => f.id === 'tax_a')!.points).toBe(20);
  });

  it.each([
    ['a rule removed', (e: ReturnType<typeof edit>) => e.rules.pop()],
    ['a parameter renamed', (e: ReturnType<typeof edit>) => (e.rules[1]!.params = { minAge: 18, oldest: 65 })],
    ['a number parameter given as text', (e: ReturnType<typeof edit>) => (e.rules[1]!.params = { minAge: '18', maxAge: 65 })],
    ['grade A below grade B', (e: ReturnType<typeof edit>) => (e.grading.minPointsA = 50)],
  ])('refuses %s', (_label, change) => {
    const e = edit();
    change(e);
    expect(applyPolicyEdit(DEFAULT_POLICY, e).ok).toBe(false);
  });
});
