import type { Label } from '../i18n/use-labels';

/** UI text of the approval panel (双人审批). */
export const APPROVAL_TEXT = {
  title: { zh: '审批 · 双人审批', en: 'Approval · dual control' },
  legend: {
    zh: 'A 提出批准 · X 提出拒绝 · S 退回 · K 复核通过 · Ctrl+Enter 提交 · Esc 收起',
    en: 'A propose approval · X propose decline · S send back · K confirm · Ctrl+Enter submit · Esc close',
  },
  evidence: { zh: '审批依据', en: 'Evidence' },
  decision: { zh: '审批决定', en: 'Decision' },
  riskGrade: { zh: '风险等级', en: 'Risk grade' },
  ungraded: { zh: '未评级（按 C 级处理）', en: 'Not graded (treated as C)' },
  appliedAmount: { zh: '申请金额', en: 'Amount applied for' },
  appliedTerm: { zh: '申请期限', en: 'Term applied for' },
  productLimits: { zh: '产品上限 {max}，期限 {min}–{maxTerm} 个月', en: 'Product maximum {max}, term {min}–{maxTerm} months' },
  productParams: { zh: '产品参数', en: 'Product parameters' },
  slotDocuments: { zh: '资料及交叉核验', en: 'Documents and cross-checks' },
  slotScreening: { zh: '风险筛查结果', en: 'Screening results' },
  slotLimitPrice: { zh: '测额与定价', en: 'Limit estimate and price' },
  slotPending: { zh: '待接入：由相应模块提供', en: 'Not connected yet: provided by its module' },
  timeline: { zh: '审批记录', en: 'Approval record' },
  timelineEmpty: { zh: '尚无审批记录', en: 'No approval events yet' },

  proposal: { zh: '审批意见（待复核）', en: 'Proposal (awaiting confirmation)' },
  proposedBy: { zh: '提议人', en: 'Proposed by' },
  proposedAt: { zh: '提议时间', en: 'Proposed at' },
  decisionLabel: { zh: '结论', en: 'Decision' },
  approve: { zh: '批准', en: 'Approve' },
  decline: { zh: '拒绝', en: 'Decline' },
  amount: { zh: '批准金额', en: 'Amount' },
  term: { zh: '期限', en: 'Term' },
  rate: { zh: '年利率', en: 'Annual rate' },
  method: { zh: '还款方式', en: 'Repayment' },
  guarantee: { zh: '担保方式', en: 'Guarantee' },
  conditions: { zh: '放款条件', en: 'Conditions' },
  reasons: { zh: '拒绝原因', en: 'Reasons' },
  comment: { zh: '审批意见', en: 'Comment' },
  required: { zh: '复核要求', en: 'Confirmation required' },
  matrixVersion: { zh: '权限表版本', en: 'Authority matrix' },
  matrixVersionValue: { zh: '第 {version} 版', en: 'version {version}' },
  confirmations: { zh: '已复核', en: 'Confirmations' },
  noConfirmations: { zh: '尚无', en: 'none yet' },
  confirmationLine: { zh: '{name}（{at}，权限表第 {version} 版）', en: '{name} ({at}, matrix v{version})' },
  sentBackComment: { zh: '复核人退回意见', en: 'Sent back by the checker' },

  proposeApprove: { zh: '提出批准', en: 'Propose approval' },
  proposeDecline: { zh: '提出拒绝', en: 'Propose decline' },
  returnDocCheck: { zh: '退回资料审核', en: 'Back to document check' },
  confirm: { zh: '复核通过', en: 'Confirm' },
  confirmComment: { zh: '复核意见（可选，Ctrl+Enter 复核通过）', en: 'Comment (optional; Ctrl+Enter confirms)' },
  sendBack: { zh: '退回', en: 'Send back' },
  cancel: { zh: '收起', en: 'Close' },
  submitHint: { zh: 'Ctrl+Enter 提交', en: 'Ctrl+Enter to submit' },
  done: { zh: '操作成功', en: 'Done' },

  amountYuan: { zh: '批准金额（元）', en: 'Amount (yuan)' },
  amountInvalid: { zh: '请输入金额，如 300,000.00（最多两位小数）', en: 'Enter an amount such as 300,000.00 (at most 2 decimals)' },
  amountTooSmall: { zh: '金额至少 1 元', en: 'At least 1 yuan' },
  amountTooLarge: { zh: '不能超过申请金额 {max} 元', en: 'May not exceed the amount applied for, {max} yuan' },
  amountWan: { zh: '即 {amount}', en: '= {amount}' },
  termMonths: { zh: '期限（月）', en: 'Term (months)' },
  termInvalid: { zh: '期限为 1–360 的整数月', en: 'Term is a whole number of months, 1–360' },
  ratePercent: { zh: '年利率（%）', en: 'Annual rate (%)' },
  rateInvalid: { zh: '请输入年利率，如 4.35（最多两位小数，0.01%–36%）', en: 'Enter a rate such as 4.35 (at most 2 decimals, 0.01%–36%)' },
  rateBp: { zh: '即 {bp} 个基点', en: '= {bp} basis points' },
  conditionsPlaceholder: { zh: '如：放款前落实抵押登记', en: 'e.g. register the mortgage before drawdown' },
  commentPlaceholder: { zh: '审批意见', en: 'Comment' },
  requiredHint: { zh: '按现行权限表（第 {version} 版）：{who}', en: 'Under the matrix in force (v{version}): {who}' },
  declineReasons: { zh: '拒绝原因', en: 'Reasons for declining' },
  declineText: { zh: '说明', en: 'Explanation' },
  reasonRequired: { zh: '请至少选择一项原因', en: 'Choose at least one reason' },
  otherNeedsText: { zh: '选择“其他”时请填写说明', en: 'Explain when choosing “Other”' },
  docCheckReasons: { zh: '退回原因', en: 'Reasons' },
  docCheckNote: { zh: '补充说明', en: 'Note' },
  sendBackComment: { zh: '退回意见（必填）', en: 'Comment (required)' },
  sendBackCommentRequired: { zh: '请填写退回意见（至少 2 个字）', en: 'Write a comment (at least 2 characters)' },

  hintClaim: { zh: '领取案件后可提出审批意见或复核（快捷键 C）', en: 'Claim the case to propose or confirm (shortcut C)' },
  hintOwnProposal: {
    zh: '本人提交的审批意见须由另一名审批员复核',
    en: 'Your proposal must be confirmed by another officer',
  },
  hintReadOnly: { zh: '仅供查看', en: 'View only' },
} satisfies Record<string, Label>;

/** Stored in Chinese (what the record keeps and the branch reads); index n is test id `decline-reason-<n>`. */
export const DECLINE_REASONS = [
  { zh: '不符合产品准入条件', en: 'Does not meet the product’s entry criteria' },
  { zh: '征信记录不良', en: 'Poor credit record' },
  { zh: '负债率过高', en: 'Debt ratio too high' },
  { zh: '经营状况不佳或现金流不足', en: 'Weak business or insufficient cash flow' },
  { zh: '命中负面清单', en: 'On the negative list' },
  { zh: '资料真实性存疑', en: 'Documents of doubtful authenticity' },
  { zh: '其他', en: 'Other' },
] as const satisfies readonly Label[];

/** Reasons for sending a case back to document checking; index n is test id `doccheck-reason-<n>`. */
export const DOC_CHECK_REASONS = [
  { zh: '资料与申请信息不符', en: 'Documents do not match the application' },
  { zh: '证件信息需重新核对', en: 'Identity details need checking again' },
  { zh: '缺少审批所需资料', en: 'Documents needed for approval are missing' },
  { zh: '其他', en: 'Other' },
] as const satisfies readonly Label[];

export const GUARANTEE_LABELS = {
  credit: { zh: '信用', en: 'Unsecured' },
  guarantee: { zh: '保证', en: 'Guarantee' },
  mortgage: { zh: '抵押', en: 'Mortgage' },
  pledge: { zh: '质押', en: 'Pledge' },
} as const satisfies Record<string, Label>;
export type GuaranteeType = keyof typeof GUARANTEE_LABELS;
