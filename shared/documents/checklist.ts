import type { ApplicationData } from '../domain/case';
import { PRODUCT_CODES, type ProductCode } from '../products/catalog';
import { DOCUMENT_KINDS, type DocumentKind } from './kinds';
import type { Label } from '../domain/label';

/** One required document of a product. Data: the defaults below seed the store; an admin edits them there. */
export interface ChecklistItem {
  kind: DocumentKind;
  /** Only when the application names an enterprise (a farmer or public-sector employee has no licence). */
  enterpriseOnly: boolean;
}

export type Checklist = Record<ProductCode, readonly ChecklistItem[]>;

const item = (kind: DocumentKind, enterpriseOnly = false): ChecklistItem => ({ kind, enterpriseOnly });
const ID = [item('id_card_front'), item('id_card_back')];

/** DESIGN §5 "typical documents" per product. */
export const DEFAULT_CHECKLIST: Checklist = {
  tax_loan: [...ID, item('business_licence', true), item('tax_certificate')],
  mortgage_fast: [...ID, item('business_licence', true), item('property_certificate')],
  credit_fast: [...ID, item('business_licence', true), item('bank_statement')],
  platform_fast: [...ID, item('business_licence', true)],
  invoice_finance: [item('business_licence', true), item('invoice')],
  revolving: [...ID, item('business_licence', true)],
};

/** The kinds this application must have, by its product's checklist. */
export function requiredKinds(items: readonly ChecklistItem[], application: ApplicationData): DocumentKind[] {
  return items.filter((i) => !i.enterpriseOnly || application.enterprise !== null).map((i) => i.kind);
}

/** Required kinds that no document of the case has (in checklist order). */
export function missingKinds(items: readonly ChecklistItem[], application: ApplicationData, present: readonly DocumentKind[]): DocumentKind[] {
  const have = new Set(present);
  return requiredKinds(items, application).filter((k) => !have.has(k));
}

/** Checks an edited checklist: known kinds, no duplicates, not empty. Returns the problems in Chinese/English. */
export function checklistProblems(product: string, items: readonly ChecklistItem[]): Label[] {
  const problems: Label[] = [];
  if (!(PRODUCT_CODES as readonly string[]).includes(product)) problems.push({ zh: `未知产品 ${product}`, en: `Unknown product ${product}` });
  if (items.length === 0) problems.push({ zh: '清单不能为空', en: 'The checklist cannot be empty' });
  const seen = new Set<string>();
  for (const i of items) {
    if (!(DOCUMENT_KINDS as readonly string[]).includes(i.kind)) problems.push({ zh: `未知资料类型 ${i.kind}`, en: `Unknown document kind ${i.kind}` });
    if (seen.has(i.kind)) problems.push({ zh: `资料类型重复 ${i.kind}`, en: `Document kind listed twice: ${i.kind}` });
    seen.add(i.kind);
  }
  return problems;
}
