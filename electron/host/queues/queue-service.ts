import { QUEUE_IDS, QUEUE_PERMISSION, CLAIMABLE_QUEUES, type QueueId } from '../../../shared/api/queues';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { CaseChange, QueueCounts, QueuePage, QueueRow, UserInfo } from '../../../shared/api/schemas';
import { fail, ok, type Result } from '../../../shared/errors';
import type { Session } from '../auth/auth-service';
import type { CommandService } from '../commands/command-service';
import type { Db } from '../db/database';
import { combine, filterConditions, orderBy, queueMembership } from './queue-query';

interface RawRow {
  id: string;
  app_no: string;
  customer_name: string;
  product_code: QueueRow['productCode'];
  amount_fen: number;
  branch_name: string;
  submitted_at: string;
  sla_due_at: string | null;
  state: QueueRow['state'];
  assignee_id: string | null;
  assignee_name: string | null;
  priority: number;
  version: number;
}

const ROW_COLUMNS =
  'id, app_no, customer_name, product_code, amount_fen, branch_name, submitted_at, sla_due_at, state, assignee_id, assignee_name, priority, version';

/** A person may open a queue if the role allows it and, for team queues, the person is on that team. */
export function mayOpenQueue(queue: QueueId, user: UserInfo): boolean {
  const needed = QUEUE_PERMISSION[queue];
  if (needed && !user.permissions.includes(needed)) return false;
  if (queue === 'approval_retail' && user.team === 'corporate') return false;
  if (queue === 'approval_corporate' && user.team === 'retail') return false;
  return true;
}

export class QueueService {
  constructor(
    private readonly db: Db,
    private readonly commands: CommandService,
    private readonly now: () => number,
  ) {}

  list(q: ApiParsedInput<'queue:list'>, user: UserInfo): Result<QueuePage> {
    if (!mayOpenQueue(q.queue, user)) return forbiddenQueue();
    const nowIso = new Date(this.now()).toISOString();
    const where = combine([queueMembership(q.queue, user.id), ...filterConditions(q.filter, nowIso)]);
    const limit = Math.min(Math.max(q.endRow - q.startRow, 1), 500);
    const rows = this.db
      .prepare<unknown[], RawRow>(`SELECT ${ROW_COLUMNS} FROM cases WHERE ${where.where} ORDER BY ${orderBy(q.sort, q.queue)} LIMIT ? OFFSET ?`)
      .all(...where.params, limit, q.startRow);
    const total = (this.db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM cases WHERE ${where.where}`).get(...where.params))!.n;
    return ok({ rows: rows.map(toRow), total });
  }

  counts(user: UserInfo): QueueCounts {
    const nowIso = new Date(this.now()).toISOString();
    const queues = QUEUE_IDS.filter((id) => mayOpenQueue(id, user)).map((queue) => {
      const m = queueMembership(queue, user.id);
      const r = this.db
        .prepare<unknown[], { n: number; late: number | null }>(
          `SELECT count(*) AS n, sum(sla_due_at < ?) AS late FROM cases WHERE ${m.where}`,
        )
        .get(nowIso, ...m.params)!;
      return { queue, count: r.n, breaching: r.late ?? 0 };
    });
    return { queues };
  }

  /**
   * 领取下一件: highest priority, then earliest SLA. Candidates the person may not hold (e.g. a case whose
   * documents he checked) are skipped, and one taken by someone else meanwhile is simply passed over.
   */
  claimNext(queue: QueueId, session: Session): Result<CaseChange> {
    if (!CLAIMABLE_QUEUES.includes(queue) || !mayOpenQueue(queue, session.info)) return forbiddenQueue();
    const m = queueMembership(queue, session.user.id);
    const candidates = this.db
      .prepare<unknown[], { id: string }>(
        `SELECT id FROM cases WHERE ${m.where} AND assignee_id IS NULL AND state != 'doc_check'
         ORDER BY priority DESC, sla_due_at ASC NULLS LAST, submitted_at ASC, id ASC LIMIT 50`,
      )
      .all(...m.params);
    for (const { id } of candidates) {
      const r = this.commands.execute(session.actor, 'claim', { caseId: id });
      if (r.ok) {
        const c = r.value.record;
        return ok({ caseId: c.id, state: c.state, version: c.version, assigneeName: c.assigneeName });
      }
      if (!['conflict', 'sod-violation', 'forbidden'].includes(r.error.code)) return r;
    }
    return fail('not-found', '队列中暂无可领取的案件', 'There is no case to claim in this queue');
  }
}

function forbiddenQueue() {
  return fail('forbidden', '您无权查看该队列', 'You may not open this queue');
}

function toRow(r: RawRow): QueueRow {
  return {
    id: r.id,
    appNo: r.app_no,
    customerName: r.customer_name,
    productCode: r.product_code,
    amountFen: r.amount_fen,
    branchName: r.branch_name,
    submittedAt: r.submitted_at,
    slaDueAt: r.sla_due_at,
    state: r.state,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    priority: r.priority,
    version: r.version,
  };
}
