import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTHORITY_RULES } from '../../../shared/approval/authority';
import { rowProblems, toRows, toRules } from './rule-rows';

describe('authority rule rows', () => {
  it('round-trips the shipped matrix through the editor exactly', () => {
    expect(toRules(toRows(DEFAULT_AUTHORITY_RULES))).toEqual(DEFAULT_AUTHORITY_RULES);
  });

  it('turns an edited limit in 万元 into exact fen', () => {
    const rows = toRows(DEFAULT_AUTHORITY_RULES);
    rows[0]!.maxWan = '49.99';
    expect(toRules(rows)![0]!.maxAmountFen).toBe(49_990_000);
  });

  it('flags a bad amount, a limit beyond the host’s maximum and two rules for the same band', () => {
    const rows = toRows(DEFAULT_AUTHORITY_RULES);
    rows[0]!.maxWan = '12.';
    rows[1]!.maxWan = '100001';
    rows.push({ ...rows[3]!, key: 99 });
    const problems = rowProblems(rows);
    expect(problems.get(0)).toBe('badAmount');
    expect(problems.get(1)).toBe('tooLarge');
    expect(problems.get(3)).toBe('duplicate');
    expect(problems.get(99)).toBe('duplicate');
    expect(problems.has(2)).toBe(false);
    expect(toRules(rows)).toBeNull();
    expect(toRules([])).toBeNull();
  });
});
