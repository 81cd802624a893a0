import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './default-policy';
import { screenApplication } from './screen-case';
import { application, mortgage, TODAY, WAN } from './screening-fixtures';

describe('screening + limit + price of one case', () => {
  it('a clean credit loan goes to retail approval, graded, with its limit and price explained', () => {
    const r = screenApplication({ data: application(), asOf: TODAY, matches: [], policy: DEFAULT_POLICY, version: 3 });
    expect(r).toMatchObject({ ruleSetVersion: 3, asOf: TODAY, outcome: 'approval', team: 'retail', riskGrade: 'B', reasons: [] });
    expect(r.limit.limitFen).toBe(20 * WAN);
    expect(r.price.rateBp).toBe(550);
    expect(r.rules).toHaveLength(DEFAULT_POLICY.rules.length);
  });

  it('a non-local, third-party flat: referred with both hits, graded down, corporate team', () => {
    const r = screenApplication({ data: mortgage({ local: false, ownerIdNumber: '321181197001010011', ownerName: '王建国' }), asOf: TODAY, matches: [], policy: DEFAULT_POLICY, version: 1 });
    expect(r.outcome).toBe('investigation');
    expect(r.team).toBe('corporate');
    expect(r.rules.filter((x) => x.fired).map((x) => x.ruleId)).toEqual(['R080', 'R081']);
    expect(r.grade.referPoints).toBe(-20);
    expect(r.riskGrade).toBe('C'); // 60 + 10 (3 years) − 20; non-local is not "good collateral"
    expect(r.limit.inputs.find((i) => i.key === 'ltvBp')?.value).toBe(4_000);
  });

  it('is deterministic', () => {
    const input = { data: mortgage(), asOf: TODAY, matches: [], policy: DEFAULT_POLICY, version: 1 };
    expect(screenApplication(input)).toEqual(screenApplication(input));
  });
});
