import { describe, expect, it } from 'vitest';
import { PRODUCT_CODES, SEGMENTS, teamFor } from '../products/catalog';
import { DEFAULT_GRADING, DEFAULT_ROUTING } from './default-policy';
import { computeFacts } from './facts';
import { gradeCase } from './risk-grade';
import { routeTeam } from './routing';
import { application, mortgage, TODAY, WAN } from './screening-fixtures';

describe('risk grade from points', () => {
  it.each([
    ['plain case: base 60 + 3 years in business', application(), 0, 70, 'B'],
    ['tax A and 3 years: 60 + 15 + 10', application({ productCode: 'tax_loan', tax: { annualTaxPaidFen: WAN, creditGrade: 'A' } }), 0, 85, 'A'],
    ['exactly 80 is A: residential collateral + 3 years', mortgage(), 0, 80, 'A'],
    ['one refer hit takes 10', mortgage(), 1, 70, 'B'],
    ['overdue: 60 + 10 − 30', application({ creditHistory: { overdue: true, badDebt: false } }), 1, 30, 'C'],
    ['exactly 60 is B: a young business with no extras', application({ enterprise: { ...application().enterprise!, establishedOn: '2025-01-01' } }), 0, 60, 'B'],
    ['a young business in a guarantee circle is C', application({ enterprise: { ...application().enterprise!, establishedOn: '2025-01-01' }, guaranteeFlags: { mutual: true, chain: false } }), 0, 45, 'C'],
  ] as const)('%s', (_label, data, referHits, points, grade) => {
    const g = gradeCase(computeFacts(data, TODAY, 0), referHits, DEFAULT_GRADING);
    expect(g.points).toBe(points);
    expect(g.grade).toBe(grade);
    expect(g.basePoints + g.factors.reduce((s, f) => s + f.points, 0) + g.referPoints).toBe(points);
  });
});

describe('routing to the approval team', () => {
  it('as shipped, routes every product, segment and amount band as the catalogue does at intake', () => {
    for (const productCode of PRODUCT_CODES) {
      for (const segment of SEGMENTS) {
        for (const amountFen of [WAN, 300 * WAN, 300 * WAN + 1, 900 * WAN]) {
          expect(routeTeam(application({ productCode, segment, amountFen }), DEFAULT_ROUTING), `${productCode} ${segment} ${amountFen}`).toBe(teamFor(productCode, segment, amountFen));
        }
      }
    }
  });

  it('follows an edited routing: any segment above 200万 to the corporate team', () => {
    const routing = { ...DEFAULT_ROUTING, corporateAbove: [{ segment: '*' as const, aboveFen: 200 * WAN }] };
    expect(routeTeam(application({ amountFen: 200 * WAN }), routing)).toBe('retail');
    expect(routeTeam(application({ amountFen: 200 * WAN + 1 }), routing)).toBe('corporate');
  });
});
