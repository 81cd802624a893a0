import type { I18n } from '../i18n/I18nProvider';

type Label = { zh: string; en: string };

/** Audit action names as the host may spell them (claim, case.claim, passDocCheck, pass_doc_check …). */
const ACTIONS: Record<string, Label> = {
  submit: { zh: '受理', en: 'Submitted' },
  create: { zh: '受理', en: 'Submitted' },
  claim: { zh: '领取', en: 'Claimed' },
  claimnext: { zh: '领取', en: 'Claimed' },
  release: { zh: '释放', en: 'Released' },
  assign: { zh: '分派', en: 'Assigned' },
  reassign: { zh: '改派', en: 'Reassigned' },
  passdoccheck: { zh: '通过资料审核', en: 'Passed document check' },
  returnforsupplement: { zh: '退回补件', en: 'Returned for documents' },
  resubmit: { zh: '补件后重新提交', en: 'Resubmitted' },
  screen: { zh: '风险筛查', en: 'Screened' },
  screening: { zh: '风险筛查', en: 'Screened' },
  propose: { zh: '提出审批意见', en: 'Proposed' },
  confirm: { zh: '复核确认', en: 'Confirmed' },
  sendback: { zh: '退回', en: 'Sent back' },
  withdraw: { zh: '撤回', en: 'Withdrawn' },
  generatecontract: { zh: '生成合同', en: 'Contract generated' },
};

const DETAIL_KEYS: Record<string, Label> = {
  reason: { zh: '原因', en: 'Reason' },
  reasons: { zh: '原因', en: 'Reasons' },
  note: { zh: '备注', en: 'Note' },
  assigneeName: { zh: '处理人', en: 'Assignee' },
  previousAssigneeName: { zh: '原处理人', en: 'Previous assignee' },
  fromAssigneeName: { zh: '原处理人', en: 'Previous assignee' },
};

function normalise(action: string): string {
  const last = action.split(/[.:/]/).pop() ?? action;
  return last.toLowerCase().replace(/[^a-z]/g, '');
}

export function actionLabel(action: string, pick: I18n['pick']): string {
  const label = ACTIONS[normalise(action)];
  return label ? pick(label) : action;
}

function valueText(value: unknown, lang: I18n['lang']): string {
  if (Array.isArray(value)) return value.map((v) => valueText(v, lang)).join(lang === 'zh-CN' ? '、' : ', ');
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Human-readable details; internal ids and versions are left out because they mean nothing to a reader. */
export function detailLines(details: Record<string, unknown>, i18n: Pick<I18n, 'pick' | 'lang'>): string[] {
  return Object.entries(details)
    .filter(([key, value]) => !/(Id|Ids|version|Version|seq|hash)$/.test(key) && key !== 'id' && valueText(value, i18n.lang) !== '')
    .map(([key, value]) => {
      const label = DETAIL_KEYS[key];
      return `${label ? i18n.pick(label) : key}: ${valueText(value, i18n.lang)}`;
    });
}
