import type { NonCaseAuditAction } from '../../../shared/audit/audit-actions';
import type { Label } from '../i18n/use-labels';

/** UI text of the auditor's view of the trail. */
export const AUDIT_TEXT = {
  trailTitle: { zh: '审计记录', en: 'Audit trail' },
  trailHint: {
    zh: '只追加、哈希链接的操作记录。提议人：操作人本人，或复核记录中被复核的提议人；复核人：复核确认的操作人。',
    en: 'Append-only, hash-chained record. Maker: who did it, or for a confirmation the officer who proposed; checker: who confirmed.',
  },
  maker: { zh: '提议人（用户编号或姓名）', en: 'Maker (user id or name)' },
  checker: { zh: '复核人（用户编号或姓名）', en: 'Checker (user id or name)' },
  action: { zh: '操作', en: 'Action' },
  caseRef: { zh: '申请编号', en: 'Application no.' },
  dates: { zh: '日期', en: 'Dates' },
  unknownUser: { zh: '请输入用户编号（如 u-officer-2）或已出现过的姓名', en: 'Enter a user id (e.g. u-officer-2) or a name seen in the trail' },
  nameAndId: { zh: '{name}（{id}）', en: '{name} ({id})' },
  reset: { zh: '清除条件', en: 'Clear filters' },
  export: { zh: '导出 CSV', en: 'Export CSV' },
  exported: { zh: '已导出 {name}', en: 'Exported {name}' },
  total: { zh: '共 {count} 条', en: '{count} entries' },
  colSeq: { zh: '序号', en: 'Seq' },
  colTime: { zh: '时间', en: 'Time' },
  colActor: { zh: '操作人', en: 'Actor' },
  colAction: { zh: '操作', en: 'Action' },
  colAppNo: { zh: '申请编号', en: 'Application no.' },
  colStates: { zh: '状态变化', en: 'State change' },
  colMaker: { zh: '提议人', en: 'Maker' },
  colDetails: { zh: '详情', en: 'Details' },
  colHash: { zh: '哈希', en: 'Hash' },
  proposalLine: { zh: '意见：{decision} {terms}', en: 'Proposal: {decision} {terms}' },
} satisfies Record<string, Label>;

/** Audit actions that are not case events (case/history-labels.ts names those), each one of them. */
export const NON_CASE_ACTIONS: Record<NonCaseAuditAction, Label> = {
  login: { zh: '登录', en: 'Logged in' },
  logout: { zh: '退出登录', en: 'Logged out' },
  loginFailed: { zh: '登录失败', en: 'Login failed' },
  loginRefusedLocked: { zh: '锁定期间拒绝登录', en: 'Login refused (locked)' },
  accountLocked: { zh: '账户锁定', en: 'Account locked' },
  passwordChanged: { zh: '本人修改密码', en: 'Changed own password' },
  passwordChangeRefused: { zh: '修改密码时当前密码错误', en: 'Wrong current password' },
  userCreated: { zh: '新建账户', en: 'Account created' },
  userUpdated: { zh: '修改账户', en: 'Account edited' },
  passwordReset: { zh: '重置密码', en: 'Password reset' },
  userUnlocked: { zh: '解锁账户', en: 'Account unlocked' },
  authorityMatrixChanged: { zh: '修改审批权限表', en: 'Authority matrix changed' },
  screeningRulesChanged: { zh: '修改筛查规则', en: 'Screening rules changed' },
  negativeListImported: { zh: '导入负面清单', en: 'Negative list imported' },
  negativeListImportRefused: { zh: '负面清单导入未通过', en: 'Negative list import refused' },
  checklistUpdated: { zh: '修改资料清单', en: 'Document checklist changed' },
  contractGenerated: { zh: '生成合同版本', en: 'Contract version generated' },
  syncRejected: { zh: '中央服务器未接受，已撤销', en: 'Refused by the central server, undone' },
};
