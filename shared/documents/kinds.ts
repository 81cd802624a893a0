import type { Label } from '../domain/label';

/** Kinds of document a case may carry (DESIGN §6). The clerk may override what the machine detected. */
export const DOCUMENT_KINDS = [
  'id_card_front', // 身份证人像面
  'id_card_back', // 身份证国徽面
  'business_licence', // 营业执照
  'property_certificate', // 不动产权证书
  'tax_certificate', // 税收完税证明
  'bank_statement', // 银行流水
  'invoice', // 发票
  'survey_form', // 调查表
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, Label> = {
  id_card_front: { zh: '身份证（人像面）', en: 'ID card (front)' },
  id_card_back: { zh: '身份证（国徽面）', en: 'ID card (back)' },
  business_licence: { zh: '营业执照', en: 'Business licence' },
  property_certificate: { zh: '不动产权证书', en: 'Property certificate' },
  tax_certificate: { zh: '税收完税证明', en: 'Tax payment certificate' },
  bank_statement: { zh: '银行流水', en: 'Bank statement' },
  invoice: { zh: '发票', en: 'Invoice' },
  survey_form: { zh: '调查表', en: 'Survey form' },
  other: { zh: '其他', en: 'Other' },
};

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}
