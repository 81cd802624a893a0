import { describe, expect, it } from 'vitest';
import type { ApplicationData } from '../domain/case';
import { PRODUCT_CODES } from '../products/catalog';
import { checklistProblems, DEFAULT_CHECKLIST, missingKinds, requiredKinds } from './checklist';

const app = (productCode: ApplicationData['productCode'], enterprise: boolean) => ({ productCode, enterprise: enterprise ? {} : null }) as unknown as ApplicationData;

describe('required documents', () => {
  it('has a checklist for every product', () => {
    for (const p of PRODUCT_CODES) expect(DEFAULT_CHECKLIST[p].length).toBeGreaterThan(0);
  });

  it('asks a licence only of applicants with an enterprise', () => {
    expect(requiredKinds(DEFAULT_CHECKLIST.tax_loan, app('tax_loan', true))).toEqual(['id_card_front', 'id_card_back', 'business_licence', 'tax_certificate']);
    expect(requiredKinds(DEFAULT_CHECKLIST.credit_fast, app('credit_fast', false))).toEqual(['id_card_front', 'id_card_back', 'bank_statement']);
  });

  it('lists what is missing in checklist order', () => {
    expect(missingKinds(DEFAULT_CHECKLIST.mortgage_fast, app('mortgage_fast', true), ['id_card_back', 'id_card_front'])).toEqual(['business_licence', 'property_certificate']);
    expect(missingKinds(DEFAULT_CHECKLIST.revolving, app('revolving', false), ['id_card_front', 'id_card_back', 'other'])).toEqual([]);
  });

  it('refuses an edited checklist with unknown kinds, duplicates, an unknown product or nothing in it', () => {
    expect(checklistProblems('tax_loan', DEFAULT_CHECKLIST.tax_loan)).toEqual([]);
    expect(checklistProblems('tax_loan', []).map((p) => p.en)).toEqual(['The checklist cannot be empty']);
    expect(checklistProblems('nope', [{ kind: 'other', enterpriseOnly: false }])[0]!.en).toContain('Unknown product');
    expect(checklistProblems('tax_loan', [{ kind: 'other', enterpriseOnly: false }, { kind: 'other', enterpriseOnly: true }])[0]!.en).toContain('twice');
    expect(checklistProblems('tax_loan', [{ kind: 'passport' as never, enterpriseOnly: false }])[0]!.en).toContain('Unknown document kind');
  });
});
