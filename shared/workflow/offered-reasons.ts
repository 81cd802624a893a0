import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, type DocumentKind } from '../documents/kinds';
import type { Label } from '../domain/label';

/*
 * The reasons the forms offer for sending a case back or declining it. The Chinese text is what the record
 * keeps (the branch reads Chinese); the English is how it reads in English mode and in the dashboard's
 * exports. Index n of each list is the form's test id (`return-reason-<n>`, `decline-reason-<n>`, …).
 */
/** 退回补件: back to the branch. */
export const RETURN_REASONS = [
  { zh: '身份证件模糊', en: 'ID document illegible' },
  { zh: '营业执照缺失', en: 'Business licence missing' },
  { zh: '资料与申请不符', en: 'Documents do not match the application' },
  { zh: '证件已过期', en: 'Document expired' },
  { zh: '其他', en: 'Other' },
] as const satisfies readonly Label[];

/** Choosing this one requires a note saying what is wrong. */
export const OTHER_REASON_INDEX = RETURN_REASONS.length - 1;

/** 拒绝: an approval officer declines. */
export const DECLINE_REASONS = [
  { zh: '不符合产品准入条件', en: 'Does not meet the product’s entry criteria' },
  { zh: '征信记录不良', en: 'Poor credit record' },
  { zh: '负债率过高', en: 'Debt ratio too high' },
  { zh: '经营状况不佳或现金流不足', en: 'Weak business or insufficient cash flow' },
  { zh: '命中负面清单', en: 'On the negative list' },
  { zh: '资料真实性存疑', en: 'Documents of doubtful authenticity' },
  { zh: '其他', en: 'Other' },
] as const satisfies readonly Label[];

/** Back from approval to document checking. */
export const DOC_CHECK_REASONS = [
  { zh: '资料与申请信息不符', en: 'Documents do not match the application' },
  { zh: '证件信息需重新核对', en: 'Identity details need checking again' },
  { zh: '缺少审批所需资料', en: 'Documents needed for approval are missing' },
  { zh: '其他', en: 'Other' },
] as const satisfies readonly Label[];

/** Problems the document desk can return one document for. */
export const DOCUMENT_PROBLEMS = [
  { code: 'illegible', label: { zh: '模糊不清', en: 'illegible' } },
  { code: 'mismatch', label: { zh: '与申请不符', en: 'does not match the application' } },
  { code: 'expired', label: { zh: '已过期', en: 'expired' } },
] as const;

/** A missing document as a return reason (缺少营业执照 / Missing: Business licence). */
export const lackingReason = (k: DocumentKind): Label => ({ zh: `缺少${DOCUMENT_KIND_LABELS[k].zh}`, en: `Missing: ${DOCUMENT_KIND_LABELS[k].en}` });

/** A problem with one document as a return reason (身份证人像面模糊不清 / ID card (front): illegible). */
export const problemReason = (k: DocumentKind, p: (typeof DOCUMENT_PROBLEMS)[number]): Label => ({
  zh: `${DOCUMENT_KIND_LABELS[k].zh}${p.label.zh}`,
  en: `${DOCUMENT_KIND_LABELS[k].en}: ${p.label.en}`,
});

const DOCUMENT_RETURN_REASONS: readonly Label[] = DOCUMENT_KINDS.flatMap((k) => [lackingReason(k), ...DOCUMENT_PROBLEMS.map((p) => problemReason(k, p))]);

const OFFERED = new Map<string, Label>([...RETURN_REASONS, ...DECLINE_REASONS, ...DOC_CHECK_REASONS, ...DOCUMENT_RETURN_REASONS].map((r) => [r.zh, r]));

/** A recorded reason the forms offered, in both languages; null for one typed in (其他 with a note). */
export function offeredReason(recorded: string): Label | null {
  return OFFERED.get(recorded) ?? null;
}
