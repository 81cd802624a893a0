import { describe, expect, it } from 'vitest';
import type { ApplicationData } from '../domain/case';
import { makeIdNumber } from '../validators/generate';
import { DEFAULT_RULES } from './default-rules';
import { evaluateRules, outcomeReasons, type ScreeningOutcome } from './evaluate-rules';
import { computeFacts } from './facts';
import type { NegativeListMatch } from './negative-list-match';
import { application, birthForAge, mortgage, TODAY, WAN, withApplicant } from './screening-fixtures';
import type { RuleOutcome } from './policy';

const HIT: NegativeListMatch = { entryId: 7, party: 'applicant', key: 'id_number', maskedValue: '3211**********1234', reason: '法院失信被执行人', source: '法院', listedOn: '2025-03-01' };

function run(data: ApplicationData, matches: NegativeListMatch[] = []) {
  return evaluateRules(DEFAULT_RULES, computeFacts(data, TODAY, matches.length), matches);
}

const base = application();
const taxLoan = (grade: 'A' | 'B' | 'M' | 'C' | 'D' | null) =>
  application({ productCode: 'tax_loan', amountFen: 100 * WAN, ...(grade ? { tax: { annualTaxPaidFen: 10 * WAN, creditGrade: grade } } : {}) });
const thirdPartyId = makeIdNumber('321181', '1970-01-01', 456);

/** [rule, case, what the rule gives, the case's outcome]: every shipped rule, at and across its boundaries. */
const TABLE: [string, string, ApplicationData, NegativeListMatch[], RuleOutcome, ScreeningOutcome][] = [
  ['R001', 'no negative-list hit', base, [], 'pass', 'approval'],
  ['R001', 'a negative-list hit', base, [HIT], 'refer', 'investigation'],
  ['R010', 'aged 18 today', withApplicant(base, { birthDate: birthForAge(18) }), [], 'pass', 'approval'],
  ['R010', '18 tomorrow (17 today)', withApplicant(base, { birthDate: '2008-11-25' }), [], 'decline', 'declined'],
  ['R010', 'aged 65 (66 tomorrow)', withApplicant(base, { birthDate: '1960-11-25' }), [], 'pass', 'approval'],
  ['R010', '66 today', withApplicant(base, { birthDate: birthForAge(66) }), [], 'decline', 'declined'],
  ['R020', 'in business exactly the product minimum (12 months)', application({ enterprise: { ...base.enterprise!, establishedOn: '2025-11-24' } }), [], 'pass', 'approval'],
  ['R020', 'one day short of the minimum', application({ enterprise: { ...base.enterprise!, establishedOn: '2025-11-25' } }), [], 'decline', 'declined'],
  ['R020', 'no enterprise (not applicable)', application({ enterprise: null }), [], 'pass', 'approval'],
  ['R030', 'licence valid through today', application({ enterprise: { ...base.enterprise!, licenceValidUntil: TODAY } }), [], 'pass', 'approval'],
  ['R030', 'licence ended yesterday', application({ enterprise: { ...base.enterprise!, licenceValidUntil: '2026-11-23' } }), [], 'refer', 'investigation'],
  ['R040', 'amount at the product maximum (200万)', application({ amountFen: 200 * WAN }), [], 'pass', 'approval'],
  ['R040', 'one fen above the maximum', application({ amountFen: 200 * WAN + 1 }), [], 'decline', 'declined'],
  ['R050', 'term at the product minimum (1 month)', application({ termMonths: 1 }), [], 'pass', 'approval'],
  ['R050', 'term at the product maximum (12 months)', application({ termMonths: 12 }), [], 'pass', 'approval'],
  ['R050', 'term one month over', application({ termMonths: 13 }), [], 'decline', 'declined'],
  ['R050', 'mortgage term under its 12-month minimum', mortgage({}, { termMonths: 11 }), [], 'decline', 'declined'],
  ['R060', 'overdue on the credit report', application({ creditHistory: { overdue: true, badDebt: false } }), [], 'refer', 'investigation'],
  ['R061', 'bad debt', application({ creditHistory: { overdue: true, badDebt: true } }), [], 'decline', 'declined'],
  ['R070', 'mutual guarantee', application({ guaranteeFlags: { mutual: true, chain: false } }), [], 'refer', 'investigation'],
  ['R070', 'guarantee chain', application({ guaranteeFlags: { mutual: false, chain: true } }), [], 'refer', 'investigation'],
  ['R080', 'local collateral', mortgage(), [], 'pass', 'approval'],
  ['R080', 'non-local collateral', mortgage({ local: false }), [], 'refer', 'investigation'],
  ['R081', 'collateral of the applicant', mortgage(), [], 'pass', 'approval'],
  ['R081', 'third-party collateral', mortgage({ ownerName: '王建国', ownerIdNumber: thirdPartyId }), [], 'refer', 'investigation'],
  ['R082', 'a shop as collateral', mortgage({ kind: 'commercial' }), [], 'refer', 'investigation'],
  ['R082', 'local industrial collateral', mortgage({ kind: 'industrial' }), [], 'pass', 'approval'],
  ['R083', 'building exactly 20 years old', mortgage({ builtYear: 2006 }), [], 'pass', 'approval'],
  ['R083', 'building 21 years old', mortgage({ builtYear: 2005 }), [], 'refer', 'investigation'],
  ['R090', 'tax grade A', taxLoan('A'), [], 'pass', 'approval'],
  ['R090', 'tax grade B', taxLoan('B'), [], 'pass', 'approval'],
  ['R090', 'tax grade M', taxLoan('M'), [], 'decline', 'declined'],
  ['R090', 'tax grade C', taxLoan('C'), [], 'decline', 'declined'],
  ['R091', 'tax-data loan without tax data', taxLoan(null), [], 'refer', 'investigation'],
  ['R092', 'mortgage without collateral', application({ productCode: 'mortgage_fast', amountFen: 100 * WAN, termMonths: 36 }), [], 'refer', 'investigation'],
  ['R100', 'public-sector employee', application({ segment: 'public_sector', enterprise: null }), [], 'pass', 'approval'],
];

describe('shipped rules, each at its boundaries', () => {
  it('has a row for every shipped rule', () => {
    expect(new Set(TABLE.map(([id]) => id))).toEqual(new Set(DEFAULT_RULES.map((r) => r.id)));
  });

  it.each(TABLE)('%s: %s → %s (case %s)', (id, _label, data, matches, ruleResult, outcome) => {
    const r = run(data, matches);
    expect(r.results.find((x) => x.ruleId === id)!.result).toBe(ruleResult);
    expect(r.outcome).toBe(outcome);
  });

  it('a clean case fires no rule and records the facts each rule read', () => {
    const r = run(base);
    expect(r.results.filter((x) => x.fired)).toEqual([]);
    const age = r.results.find((x) => x.ruleId === 'R010')!;
    expect(age.description.zh).toBe('申请人年龄不在 18–65 周岁之间');
    expect(age.evidence.facts).toEqual([{ fact: 'applicant.age', label: { zh: '申请人年龄', en: 'Applicant age' }, unit: 'years', value: 41 }]);
    expect(age.evidence.params).toEqual({ minAge: 18, maxAge: 65 });
  });

  it('carries the negative-list entries as the evidence of the hit and the instruction for the field officer', () => {
    const hit = run(base, [HIT]).results.find((x) => x.ruleId === 'R001')!;
    expect(hit.fired).toBe(true);
    expect(hit.evidence.matches).toEqual([HIT]);
    expect(hit.instruction?.zh).toContain('核实负面清单');
  });

  it('a decline wins over a refer, and the audited reasons list both', () => {
    const data = withApplicant(application({ creditHistory: { overdue: true, badDebt: false } }), { birthDate: birthForAge(70) });
    const r = run(data);
    expect(r.outcome).toBe('declined');
    expect(outcomeReasons(r.results)).toEqual(['R010 AGE_OUT_OF_RANGE: 申请人年龄不在 18–65 周岁之间', 'R060 CREDIT_OVERDUE: 征信存在逾期记录']);
    expect(outcomeReasons(r.results, 'en')).toEqual(['R010 AGE_OUT_OF_RANGE: Applicant not aged 18–65', 'R060 CREDIT_OVERDUE: Overdue on the credit report']);
  });

  it('a disabled rule is listed but never fires', () => {
    const rules = DEFAULT_RULES.map((rule) => (rule.id === 'R060' ? { ...rule, enabled: false } : rule));
    const data = application({ creditHistory: { overdue: true, badDebt: false } });
    const r = evaluateRules(rules, computeFacts(data, TODAY, 0), []);
    expect(r.outcome).toBe('approval');
    expect(r.results.find((x) => x.ruleId === 'R060')).toMatchObject({ enabled: false, fired: false, result: 'pass' });
    expect(r.results.find((x) => x.ruleId === 'R080')).toMatchObject({ enabled: true, applicable: false, result: 'pass' }); // no collateral
  });

  it('an edited parameter moves the boundary', () => {
    const rules = DEFAULT_RULES.map((rule) => (rule.id === 'R010' ? { ...rule, params: { minAge: 18, maxAge: 60 } } : rule));
    const r = evaluateRules(rules, computeFacts(withApplicant(base, { birthDate: birthForAge(61) }), TODAY, 0), []);
    expect(r.outcome).toBe('declined');
    expect(r.results.find((x) => x.ruleId === 'R010')!.description.en).toBe('Applicant not aged 18–60');
  });
});
