/**
 * Reasons offered for 退回补件. The Chinese text is what the host records (the branch reads Chinese);
 * English is only for display. Index n is the test id `return-reason-<n>`.
 */
export const RETURN_REASONS = [
  { zh: '身份证件模糊', en: 'ID document illegible' },
  { zh: '营业执照缺失', en: 'Business licence missing' },
  { zh: '资料与申请不符', en: 'Documents do not match the application' },
  { zh: '证件已过期', en: 'Document expired' },
  { zh: '其他', en: 'Other' },
] as const;

/** Choosing this one requires a note saying what is wrong. */
export const OTHER_REASON_INDEX = RETURN_REASONS.length - 1;
