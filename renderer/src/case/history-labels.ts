import { REQUIRED_LABELS, type RequiredAuthority } from '../../../shared/approval/authority';
import { isRole, ROLE_LABELS } from '../../../shared/auth/roles';
import type { CaseEventType } from '../../../shared/commands/types';
import { displayValueOf } from '../../../shared/documents/field-values';
import { fieldDef } from '../../../shared/documents/fields';
import { DOCUMENT_KIND_LABELS, isDocumentKind, type DocumentKind } from '../../../shared/documents/kinds';
import { PRODUCTS, type ProductCode } from '../../../shared/products/catalog';
import { CASE_STATES, STATE_LABELS, type CaseState } from '../../../shared/workflow/states';
import { NON_CASE_ACTIONS } from '../audit/audit-text';
import { formatFen } from '../format/money';
import { formatShanghai } from '../format/time';
import { recordedReason } from '../i18n/recorded-reasons';
import { listText } from '../i18n/list-text';
import { TEAM_LABELS } from '../screening/screening-text';
import type { I18n } from '../i18n/I18nProvider';
import type { Label } from '../../../shared/domain/label';

/** History `action` is the case event type (shared/commands/types.ts). */
export const ACTIONS: Record<CaseEventType, Label> = {
  submitted: { zh: '受理', en: 'Submitted' },
  claimed: { zh: '领取', en: 'Claimed' },
  released: { zh: '释放', en: 'Released' },
  assigned: { zh: '分派', en: 'Assigned' },
  docCheckPassed: { zh: '资料审核通过', en: 'Document check passed' },
  returnedForSupplement: { zh: '退回补件', en: 'Returned for documents' },
  resubmitted: { zh: '补件后重新提交', en: 'Resubmitted' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
  screeningCompleted: { zh: '风险筛查完成', en: 'Screening completed' },
  investigationCompleted: { zh: '线下调查完成', en: 'Investigation completed' },
  proposed: { zh: '提出审批意见', en: 'Decision proposed' },
  confirmed: { zh: '复核确认', en: 'Decision confirmed' },
  sentBack: { zh: '退回', en: 'Sent back' },
  returnedToDocCheck: { zh: '退回资料审核', en: 'Returned to document check' },
  contractRecorded: { zh: '合同已生成', en: 'Contract recorded' },
  screeningOverridden: { zh: '人工调整额度/利率', en: 'Limit/rate overridden' },
  documentAdded: { zh: '添加资料', en: 'Document added' },
  documentFieldConfirmed: { zh: '确认识别结果', en: 'Field confirmed' },
  documentFieldCorrected: { zh: '更正识别结果', en: 'Field corrected' },
  documentKindSet: { zh: '更正资料类型', en: 'Document kind corrected' },
};

const DETAIL_LABELS: Record<string, Label> = {
  reasons: { zh: '原因', en: 'Reasons' },
  reason: { zh: '原因', en: 'Reason' },
  note: { zh: '备注', en: 'Note' },
  comment: { zh: '意见', en: 'Comment' },
  from: { zh: '原处理人', en: 'Previous assignee' },
  toName: { zh: '分派给', en: 'Assigned to' },
  productCode: { zh: '产品', en: 'Product' },
  amountFen: { zh: '金额', en: 'Amount' },
  slaDueAt: { zh: 'SLA 截止', en: 'SLA due' },
  decision: { zh: '结论', en: 'Decision' },
  outcome: { zh: '结果', en: 'Outcome' },
  findings: { zh: '调查结论', en: 'Findings' },
  contractNo: { zh: '合同编号', en: 'Contract no.' },
  templates: { zh: '模板版本', en: 'Template versions' },
  makerName: { zh: '提议人', en: 'Proposed by' },
  riskGrade: { zh: '风险等级', en: 'Risk grade' },
  required: { zh: '复核要求', en: 'Confirmation required' },
  matrixVersion: { zh: '权限表版本', en: 'Authority matrix version' },
  confirmation: { zh: '复核序号', en: 'Confirmation no.' },
  complete: { zh: '复核完成', en: 'Confirmation complete' },
  limit: { zh: '额度', en: 'Limit' },
  rate: { zh: '利率', en: 'Rate' },
  ruleSetVersion: { zh: '规则版本', en: 'Rule set version' },
  team: { zh: '审批团队', en: 'Approval team' },
  holder: { zh: '原领取人', en: 'Held by' },
  // Documents
  fileName: { zh: '文件名', en: 'File name' },
  mime: { zh: '文件类型', en: 'File type' },
  sizeBytes: { zh: '大小（字节）', en: 'Size (bytes)' },
  pages: { zh: '页数', en: 'Pages' },
  kind: { zh: '资料类型', en: 'Document kind' },
  fromKind: { zh: '原资料类型', en: 'Previous kind' },
  kinds: { zh: '资料类型', en: 'Document kinds' },
  field: { zh: '字段', en: 'Field' },
  fromValue: { zh: '原值', en: 'Before' },
  value: { zh: '值', en: 'Value' },
  // Accounts and sign-ins
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Name' },
  roles: { zh: '角色', en: 'Roles' },
  sessionsEnded: { zh: '结束其会话', en: 'Sessions ended' },
  failures: { zh: '连续错误次数', en: 'Failed attempts' },
  during: { zh: '发生于', en: 'During' },
  // Rules, the authority matrix, the negative list
  basedOn: { zh: '基于版本', en: 'Based on version' },
  enabledRules: { zh: '启用规则数', en: 'Rules enabled' },
  rules: { zh: '规则数', en: 'Rules' },
  encoding: { zh: '文件编码', en: 'Encoding' },
  totalRows: { zh: '总行数', en: 'Rows' },
  accepted: { zh: '已导入', en: 'Accepted' },
  rejected: { zh: '未导入', en: 'Rejected' },
  fatal: { zh: '错误', en: 'Error' },
  line: { zh: '行号', en: 'Line' },
};

/** Coded values of the details, in words. */
const CODED_VALUES: Record<string, Record<string, Label>> = {
  reason: { leaseExpired: { zh: '领取超时，自动释放', en: 'Lease expired, released automatically' } },
  during: { login: { zh: '登录', en: 'Login' }, passwordChange: { zh: '修改密码', en: 'Password change' } },
  team: TEAM_LABELS,
};

const isKind = (value: unknown): value is DocumentKind => typeof value === 'string' && isDocumentKind(value);

/**
 * Left out: repeated elsewhere on the page (appNo, branch), internal (ids, hashes, versions) or structured
 * data that has its own screen (the proposal).
 */
const HIDDEN = new Set(['appNo', 'branchCode', 'assignee', 'proposal', 'maker', 'sha256', 'decisionSha256', 'caseId', 'commandId', 'version', 'reasonEn', 'reasonsEn']);

const YES: Label = { zh: '是', en: 'yes' };
const NO: Label = { zh: '否', en: 'no' };

const DECISIONS: Record<string, Label> = {
  approve: { zh: '批准', en: 'Approve' },
  decline: { zh: '拒绝', en: 'Decline' },
};

/** A case event's name, or another entry's (a contract version generated, a refusal by the server). */
export function actionLabel(action: string, pick: I18n['pick']): string {
  const label = (ACTIONS as Record<string, Label | undefined>)[action] ?? (NON_CASE_ACTIONS as Record<string, Label | undefined>)[action];
  return label ? pick(label) : action;
}

function isState(value: unknown): value is CaseState {
  return typeof value === 'string' && (CASE_STATES as readonly string[]).includes(value);
}

function valueText(key: string, value: unknown, i18n: Pick<I18n, 't' | 'pick' | 'lang'>, details: Record<string, unknown>): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return listText(value.map((v) => valueText(key === 'kinds' ? 'kind' : key, v, i18n, details)).filter(Boolean), i18n.pick);
  const coded = typeof value === 'string' ? CODED_VALUES[key]?.[value] : undefined;
  if (coded) return i18n.pick(coded);
  if ((key === 'reasons' || key === 'reason') && typeof value === 'string') return recordedReason(value, i18n.pick);
  if ((key === 'kind' || key === 'fromKind') && isKind(value)) return i18n.pick(DOCUMENT_KIND_LABELS[value]);
  if (key === 'roles' && isRole(value)) return i18n.pick(ROLE_LABELS[value]);
  if (key === 'field' && typeof value === 'string' && isKind(details.kind)) {
    const def = fieldDef(details.kind, value);
    if (def) return i18n.pick(def);
  }
  // A reviewed field's values as the desk shows them (an amount in yuan, a period), not in canonical form.
  if ((key === 'value' || key === 'fromValue') && typeof value === 'string' && isKind(details.kind) && typeof details.field === 'string') {
    return displayValueOf(details.kind, details.field, value, i18n.lang === 'en-US');
  }
  if (key === 'amountFen' && typeof value === 'number') return i18n.t('money.yuan', { amount: formatFen(value) });
  if (key === 'productCode' && typeof value === 'string' && value in PRODUCTS) return i18n.pick(PRODUCTS[value as ProductCode]);
  if (key === 'slaDueAt' && typeof value === 'string') return formatShanghai(value);
  if (key === 'decision' && typeof value === 'string' && DECISIONS[value]) return i18n.pick(DECISIONS[value]);
  if (key === 'outcome' && isState(value)) return i18n.pick(STATE_LABELS[value]);
  if (key === 'required' && typeof value === 'string' && value in REQUIRED_LABELS) return i18n.pick(REQUIRED_LABELS[value as RequiredAuthority]);
  if (typeof value === 'boolean') return i18n.pick(value ? YES : NO);
  if (typeof value === 'object') return ''; // nested structures are not readable as one line
  return String(value);
}

function englishOf(key: string, value: unknown, details: Record<string, unknown>): unknown {
  if (key === 'reason' && typeof details.reasonEn === 'string') return details.reasonEn;
  const en = details.reasonsEn;
  if (key === 'reasons' && Array.isArray(value) && Array.isArray(en) && en.length === value.length) return en;
  return undefined;
}

/** Readable "label: value" lines for the details of one history entry. */
export function detailLines(details: Record<string, unknown>, i18n: Pick<I18n, 't' | 'pick' | 'lang'>): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (HIDDEN.has(key) || /Id$/.test(key)) continue;
    // A reason given in both languages (a refusal by the server, screening's rule hits) is shown in the chosen one.
    const shown = i18n.lang === 'en-US' ? (englishOf(key, value, details) ?? value) : value;
    const text = valueText(key, shown, i18n, details);
    if (!text) continue;
    const label = DETAIL_LABELS[key];
    lines.push(`${label ? i18n.pick(label) : key}: ${text}`);
  }
  return lines;
}
