import type { Permission } from '../auth/permissions';
import type { Team } from '../products/catalog';
import type { Label } from '../domain/label';

/**
 * Work queues. A queue is a view over cases; membership is decided by the host in SQL (queue-query.ts)
 * and the permission here says who may open it.
 */
export const QUEUE_IDS = [
  'doc_check', // 资料审核: submitted cases waiting for a clerk
  'approval_retail', // 零售审批 team queue
  'approval_corporate', // 公司审批 team queue
  'confirm', // 待复核: proposals waiting for a second officer
  'investigation', // 线下调查工单
  'contract_desk', // 合同岗: approved cases
  'mine', // 我的在办: everything assigned to me
  'all', // 全部案件 (supervisor, auditor, admin)
] as const;
export type QueueId = (typeof QUEUE_IDS)[number];

export const QUEUE_PERMISSION: Record<QueueId, Permission | null> = {
  doc_check: 'doc.work',
  approval_retail: 'approval.work',
  approval_corporate: 'approval.work',
  confirm: 'approval.work',
  investigation: 'investigation.work',
  contract_desk: 'contract.work',
  mine: null,
  all: 'case.view_all',
};

export const QUEUE_LABELS: Record<QueueId, Label> = {
  doc_check: { zh: '资料审核', en: 'Document check' },
  approval_retail: { zh: '零售审批', en: 'Retail approval' },
  approval_corporate: { zh: '公司审批', en: 'Corporate approval' },
  confirm: { zh: '待复核', en: 'Awaiting confirmation' },
  investigation: { zh: '线下调查', en: 'Investigation' },
  contract_desk: { zh: '合同岗', en: 'Contract desk' },
  mine: { zh: '我的在办', en: 'My cases' },
  all: { zh: '全部案件', en: 'All cases' },
};

/** Queues from which "领取下一件" (claim next) can take a case. */
export const CLAIMABLE_QUEUES: readonly QueueId[] = [
  'doc_check',
  'approval_retail',
  'approval_corporate',
  'confirm',
  'investigation',
  'contract_desk',
];

/**
 * May this person open the queue? The role must allow it and, for a team queue, the person must be on that
 * team (or on none). One rule for the host, which enforces it, and the UI, which only hides what is refused.
 */
export function mayOpenQueue(queue: QueueId, user: { permissions: readonly Permission[]; team: Team | null }): boolean {
  const needed = QUEUE_PERMISSION[queue];
  if (needed && !user.permissions.includes(needed)) return false;
  if (queue === 'approval_retail' && user.team === 'corporate') return false;
  if (queue === 'approval_corporate' && user.team === 'retail') return false;
  return true;
}
