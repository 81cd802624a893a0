import type { DocumentKind } from './kinds';

/**
 * What a recognised value is, which decides how it is normalised, validated, shown and compared:
 * - text: Chinese text, spaces removed, brackets made full-width
 * - gender: 男 / 女
 * - date: YYYY-MM-DD
 * - period: `YYYY-MM-DD/YYYY-MM-DD`, or `YYYY-MM-DD/长期` for an open end
 * - idNumber, creditCode: upper case, checked by shared/validators
 * - amount: integer fen as a decimal string (registered capital, tax paid)
 * - area: square metres with two decimals ('89.50')
 */
export type FieldType = 'text' | 'gender' | 'date' | 'period' | 'idNumber' | 'creditCode' | 'amount' | 'area';

export interface FieldDef {
  key: string;
  /** The label printed on the document (also the Chinese name shown to the clerk). */
  zh: string;
  en: string;
  type: FieldType;
  /** Key fields are the ones the accuracy targets and the identity cross-checks depend on. */
  keyField: boolean;
  /** Where one value may run over several printed lines (addresses, locations). */
  multiline?: boolean;
  /** A person's or an organisation's name: read a second time, the person's with the name whitelist. */
  names?: 'person' | 'organisation';
}

const f = (key: string, zh: string, en: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  zh,
  en,
  type,
  keyField: false,
  ...extra,
});

/** Fields extracted per kind, in the order the clerk checks them (the order they are printed). */
export const FIELD_DEFS: Record<DocumentKind, readonly FieldDef[]> = {
  id_card_front: [
    f('name', '姓名', 'Name', 'text', { keyField: true, names: 'person' }),
    f('gender', '性别', 'Sex', 'gender'),
    f('ethnicity', '民族', 'Ethnicity', 'text'),
    f('birthDate', '出生', 'Date of birth', 'date'),
    f('address', '住址', 'Address', 'text', { multiline: true }),
    f('idNumber', '公民身份号码', 'ID number', 'idNumber', { keyField: true }),
  ],
  id_card_back: [
    f('authority', '签发机关', 'Issuing authority', 'text'),
    f('validity', '有效期限', 'Valid', 'period'),
  ],
  business_licence: [
    f('creditCode', '统一社会信用代码', 'Unified social credit code', 'creditCode', { keyField: true }),
    f('name', '名称', 'Name', 'text', { keyField: true, names: 'organisation' }),
    f('type', '类型', 'Type', 'text'),
    f('legalRepresentative', '法定代表人', 'Legal representative', 'text', { names: 'person' }),
    f('registeredCapital', '注册资本', 'Registered capital', 'amount'),
    f('establishedOn', '成立日期', 'Established', 'date'),
    f('term', '营业期限', 'Business term', 'period'),
    f('address', '住所', 'Address', 'text', { multiline: true }),
  ],
  property_certificate: [
    f('certNo', '证号', 'Certificate no.', 'text', { keyField: true }),
    f('owner', '权利人', 'Owner', 'text', { keyField: true, names: 'person' }),
    f('location', '坐落', 'Location', 'text', { multiline: true }),
    f('area', '面积', 'Area (m²)', 'area'),
    f('use', '用途', 'Use', 'text'),
  ],
  tax_certificate: [
    f('taxpayer', '纳税人', 'Taxpayer', 'text', { keyField: true, names: 'organisation' }),
    f('amount', '税款金额', 'Tax paid', 'amount'),
    f('period', '所属期', 'Tax period', 'period'),
  ],
  bank_statement: [],
  invoice: [],
  survey_form: [],
  other: [],
};

export function fieldDef(kind: DocumentKind, key: string): FieldDef | undefined {
  return FIELD_DEFS[kind].find((d) => d.key === key);
}

/** Identity numbers and credit codes: masked for roles without pii.view and in the audit trail. */
export function isSensitiveField(type: FieldType): boolean {
  return type === 'idNumber' || type === 'creditCode';
}

/** Below this confidence (0–100) a value is highlighted for the clerk. */
export const LOW_CONFIDENCE = 80;
