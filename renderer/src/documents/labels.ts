import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, type DocumentKind } from '../../../shared/documents/kinds';
import type { Label } from '../i18n/use-labels';

/** Text of the checking desk as { zh, en } pairs, read with the i18n `pick` (kept here, beside the desk). */
export const L = {
  title: { zh: '资料审核台', en: 'Document desk' },
  documents: { zh: '资料', en: 'Documents' },
  fields: { zh: '识别结果', en: 'Recognised fields' },
  checks: { zh: '交叉核验', en: 'Cross-checks' },
  checklist: { zh: '必备资料', en: 'Required documents' },
  missing: { zh: '缺', en: 'missing' },
  noDocuments: { zh: '尚无资料', en: 'No documents yet' },
  upload: { zh: '上传资料（点击或拖入 JPEG/PNG/TIFF/PDF）', en: 'Add documents (click or drop JPEG/PNG/TIFF/PDF)' },
  uploading: { zh: '上传中…', en: 'Uploading…' },
  uploaded: { zh: '已上传，正在排队识别', en: 'Uploaded; queued for recognition' },
  duplicate: { zh: '该文件已在本案件中', en: 'This file is already in the case' },
  queued: { zh: '排队识别', en: 'Queued' },
  running: { zh: '识别中', en: 'Recognising' },
  done: { zh: '已识别', en: 'Recognised' },
  failed: { zh: '识别失败', en: 'Failed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  cancel: { zh: '取消识别', en: 'Cancel' },
  retry: { zh: '重新识别', en: 'Recognise again' },
  kind: { zh: '资料类型', en: 'Kind' },
  kindByClerk: { zh: '人工指定', en: 'set by clerk' },
  confirm: { zh: '确认', en: 'Confirm' },
  correct: { zh: '更正', en: 'Correct' },
  save: { zh: '保存', en: 'Save' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  corrected: { zh: '已更正', en: 'Corrected' },
  unreviewed: { zh: '待确认', en: 'To check' },
  lowConfidence: { zh: '置信度低，请对照影像核对', en: 'Low confidence: check against the image' },
  recognisedAs: { zh: '识别', en: 'Read' },
  application: { zh: '申请', en: 'Applied' },
  confidence: { zh: '置信度', en: 'Confidence' },
  notFound: { zh: '未识别到', en: 'Not found' },
  zoomIn: { zh: '放大', en: 'Zoom in' },
  zoomOut: { zh: '缩小', en: 'Zoom out' },
  fit: { zh: '适应窗口', en: 'Fit' },
  rotate: { zh: '旋转', en: 'Rotate' },
  page: { zh: '页', en: 'Page' },
  noImage: { zh: '无影像', en: 'No image' },
  waiting: { zh: '识别完成后显示字段', en: 'Fields appear once recognition has finished' },
  readOnly: { zh: '领取案件后可确认或更正', en: 'Claim the case to confirm or correct' },
  allReviewed: { zh: '本资料字段已全部核对', en: 'Every field of this document has been checked' },
  legend: {
    zh: 'J/K 下一/上一字段 · Enter 确认 · E 更正 · [ ] 上一/下一份资料 · + − 缩放 · 0 适应 · . 旋转 · P 通过 · B 退回补件',
    en: 'J/K next/previous field · Enter confirm · E correct · [ ] previous/next document · + − zoom · 0 fit · . rotate · P pass · B return',
  },
  pass: { zh: '通过', en: 'Pass' },
  warn: { zh: '关注', en: 'Warning' },
  fail: { zh: '不符', en: 'Fail' },
  returnMissing: { zh: '缺少的资料', en: 'Missing documents' },
  returnProblems: { zh: '资料问题', en: 'Problems with documents' },
  returnOther: { zh: '其他原因', en: 'Other reasons' },
  illegible: { zh: '模糊不清', en: 'illegible' },
  mismatch: { zh: '与申请不符', en: 'does not match the application' },
  expired: { zh: '已过期', en: 'expired' },
  lacking: { zh: '缺少', en: 'Missing: ' },
} as const;

/** Problems a document can be returned for; the Chinese text goes into the reason the branch reads. */
export const DOCUMENT_PROBLEMS = [
  { code: 'illegible', label: L.illegible },
  { code: 'mismatch', label: L.mismatch },
  { code: 'expired', label: L.expired },
] as const;

/** A missing document as a return reason: the Chinese is what the record keeps, the English how it reads. */
export const lackingReason = (k: DocumentKind): Label => ({ zh: `${L.lacking.zh}${DOCUMENT_KIND_LABELS[k].zh}`, en: `${L.lacking.en}${DOCUMENT_KIND_LABELS[k].en}` });

/** A problem with one document as a return reason (身份证人像面模糊不清 / ID card (front): illegible). */
export const problemReason = (k: DocumentKind, p: (typeof DOCUMENT_PROBLEMS)[number]): Label => ({
  zh: `${DOCUMENT_KIND_LABELS[k].zh}${p.label.zh}`,
  en: `${DOCUMENT_KIND_LABELS[k].en}: ${p.label.en}`,
});

/** Every reason the desk's return form can record, for showing a recorded one in English. */
export const DOCUMENT_RETURN_REASONS: readonly Label[] = DOCUMENT_KINDS.flatMap((k) => [lackingReason(k), ...DOCUMENT_PROBLEMS.map((p) => problemReason(k, p))]);
