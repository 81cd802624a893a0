import { describe, expect, it } from 'vitest';
import { covers, DEFAULT_AUTHORITY_RULES, describeLimit, mayConfirm, requiredAuthority, ruleFor, type AuthorityMatrix } from './authority';

const V1: AuthorityMatrix = { version: 1, rules: DEFAULT_AUTHORITY_RULES };
const WAN = 1_000_000;

describe('authority matrix', () => {
  it.each([
    ['credit_fast', 'B', 100 * WAN, 'officer'], // exactly at the officer's inclusive limit
    ['credit_fast', 'B', 100 * WAN + 1, 'senior_officer'], // one fen above
    ['credit_fast', 'A', 500 * WAN, 'senior_officer'], // exactly at the senior's inclusive limit
    ['credit_fast', 'A', 500 * WAN + 1, 'two_seniors'],
    ['credit_fast', 'C', 50 * WAN, 'officer'], // the riskiest grade has a lower officer band
    ['credit_fast', 'C', 50 * WAN + 1, 'senior_officer'],
    ['mortgage_fast', 'B', 200 * WAN, 'officer'], // collateral raises the officer band
    ['mortgage_fast', 'B', 200 * WAN + 1, 'senior_officer'],
  ] as const)('%s grade %s, %i fen → %s', (product, grade, amount, expected) => {
    expect(requiredAuthority(V1, product, grade, amount)).toBe(expected);
  });

  it('honours an exclusive bound exactly at the limit', () => {
    const exclusive: AuthorityMatrix = {
      version: 2,
      rules: [
        { role: 'officer', product: '*', riskGrade: '*', maxAmountFen: 100 * WAN, inclusive: false },
        { role: 'senior_officer', product: '*', riskGrade: '*', maxAmountFen: 500 * WAN, inclusive: false },
      ],
    };
    expect(requiredAuthority(exclusive, 'tax_loan', 'A', 100 * WAN - 1)).toBe('officer');
    expect(requiredAuthority(exclusive, 'tax_loan', 'A', 100 * WAN)).toBe('senior_officer');
    expect(requiredAuthority(exclusive, 'tax_loan', 'A', 500 * WAN)).toBe('two_seniors');
  });

  it('picks the most specific rule: product beats grade beats the wildcard', () => {
    expect(ruleFor(V1, 'officer', 'mortgage_fast', 'C')?.maxAmountFen).toBe(200 * WAN);
    expect(ruleFor(V1, 'officer', 'tax_loan', 'C')?.maxAmountFen).toBe(50 * WAN);
    expect(ruleFor(V1, 'officer', 'tax_loan', 'A')?.maxAmountFen).toBe(100 * WAN);
  });

  it('gives no authority to a role without a rule', () => {
    const seniorsOnly: AuthorityMatrix = { version: 3, rules: [{ role: 'senior_officer', product: '*', riskGrade: '*', maxAmountFen: WAN, inclusive: true }] };
    expect(ruleFor(seniorsOnly, 'officer', 'tax_loan', 'A')).toBeNull();
    expect(covers(null, 1)).toBe(false);
    expect(requiredAuthority(seniorsOnly, 'tax_loan', 'A', 1)).toBe('senior_officer');
  });

  it('lets officers confirm only within their band and seniors confirm everything', () => {
    expect(mayConfirm(['officer'], 'officer')).toBe(true);
    expect(mayConfirm(['officer'], 'senior_officer')).toBe(false);
    expect(mayConfirm(['officer'], 'two_seniors')).toBe(false);
    expect(mayConfirm(['senior_officer'], 'two_seniors')).toBe(true);
    expect(mayConfirm(['clerk'], 'officer')).toBe(false);
  });
});

describe('describeLimit', () => {
  it('says an officer’s limit in 万元 in Chinese and in yuan in English', () => {
    const rule = { role: 'officer' as const, product: '*' as const, riskGrade: '*' as const, maxAmountFen: 100_000_000, inclusive: true };
    expect(describeLimit(rule)).toEqual({ zh: '100万元（含）', en: '1,000,000 yuan inclusive' });
    expect(describeLimit({ ...rule, inclusive: false }).en).toBe('1,000,000 yuan exclusive');
    expect(describeLimit(null)).toEqual({ zh: '无审批权限', en: 'no approval authority' });
  });
});
