import type { CommandName } from '../../../shared/commands/registry';
import type { Label } from '../../../shared/domain/label';

/** Text of the sync status and the refused-commands page, Chinese first (picked with `pick` of I18n). */
export const SYNC_TEXT = {
  nav: { zh: '同步与退回', en: 'Sync & refusals' },
  online: { zh: '在线', en: 'Online' },
  offline: { zh: '离线', en: 'Offline' },
  connecting: { zh: '连接中', en: 'Connecting' },
  standalone: { zh: '单机', en: 'Standalone' },
  pending: { zh: '待同步', en: 'Pending' },
  uploads: { zh: '待上传文件', en: 'Files to upload' },
  lastSync: { zh: '最近同步', en: 'Last sync' },
  never: { zh: '尚未同步', en: 'Not synced yet' },
  offlineWhy: {
    zh: '无法连接中央服务器。已领取的案件可继续处理，操作会在联网后自动同步；领取新案件须由服务器确认，离线时不能领取。',
    en: 'The central server cannot be reached. You can go on working the cases you hold; your work is sent when the connection is back. Claiming needs the server, so it is not possible offline.',
  },
  standaloneWhy: { zh: '本机未连接中央服务器，数据只保存在本机。', en: 'This computer works without a central server; data stays on this computer.' },
  waitingForLogin: { zh: '以下人员重新联网登录后，其待同步操作才能发送：', en: 'Waiting commands of these people are sent once they log in online again: ' },
  title: { zh: '同步状态', en: 'Sync status' },
  server: { zh: '中央服务器', en: 'Central server' },
  status: { zh: '连接', en: 'Connection' },
  error: { zh: '最近错误', en: 'Last error' },
  offlineLogin: { zh: '离线登录有效期', en: 'Offline login allowed for' },
  hours: { zh: '{n} 小时（自最近一次联网登录起）', en: '{n} hours after the last online login' },
  syncNow: { zh: '立即同步', en: 'Sync now' },
  rejectedTitle: { zh: '被服务器退回的操作', en: 'Commands refused by the server' },
  rejectedHint: {
    zh: '这些操作在本机先行生效，但中央服务器未予接受，已撤销，案件已恢复为服务器上的状态。',
    en: 'These commands took effect here first but the central server refused them; they were undone and the cases show the server’s state.',
  },
  rejectedNone: { zh: '没有被退回的操作', en: 'No refused commands' },
  colTime: { zh: '退回时间', en: 'Refused at' },
  colDoneAt: { zh: '操作时间', en: 'Done at' },
  colCase: { zh: '案件', en: 'Case' },
  colCommand: { zh: '操作', en: 'Command' },
  colWho: { zh: '操作人', en: 'By' },
  colReason: { zh: '原因', en: 'Reason' },
  notifyTitle: { zh: '操作未被中央服务器接受', en: 'The central server refused a command' },
  notifyMore: { zh: '查看全部', en: 'See all' },
} satisfies Record<string, Label>;

/** Command names (shared/commands/registry.ts) as people say them; every command has one (the compiler checks). */
export const COMMAND_LABELS: Record<CommandName, Label> = {
  submit: { zh: '受理', en: 'Submit' },
  resubmit: { zh: '补件后重新提交', en: 'Resubmit' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  claim: { zh: '领取', en: 'Claim' },
  release: { zh: '释放', en: 'Release' },
  assign: { zh: '分派', en: 'Assign' },
  passDocCheck: { zh: '资料审核通过', en: 'Pass document check' },
  returnForSupplement: { zh: '退回补件', en: 'Return for documents' },
  completeScreening: { zh: '记录筛查结果', en: 'Record screening' },
  completeInvestigation: { zh: '提交调查结论', en: 'Record investigation' },
  propose: { zh: '提出审批意见', en: 'Propose decision' },
  confirm: { zh: '复核确认', en: 'Confirm decision' },
  sendBack: { zh: '退回审批', en: 'Send back' },
  returnToDocCheck: { zh: '退回资料审核', en: 'Return to document check' },
  recordContract: { zh: '生成合同', en: 'Record contract' },
  overrideScreening: { zh: '人工调整额度/利率', en: 'Override limit or rate' },
  addDocument: { zh: '添加资料', en: 'Add document' },
  reviewDocument: { zh: '确认/更正识别结果', en: 'Confirm or correct recognised fields' },
};
