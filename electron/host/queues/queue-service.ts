import { QUEUE_IDS, CLAIMABLE_QUEUES, mayOpenQueue, type QueueId } from '../../../shared/api/queues';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { CaseChange, QueueCounts, QueuePage, QueueRow, UserInfo } from '../../../shared/api/schemas';
import { fail, ok, type Result } from '../../../shared/errors';
import type { Session } from '../auth/auth-service';
import type { CommandService } from '../commands/command-service';
import type Database from 'better-sqlite3';
import type { Db } from '../db/database';
import { gramMatch } from '../store/name-grams';
import { combine, filterConditions, isIdentifierSearch, orderBy, queueMembership } from './queue-query';

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

export class QueueService {
  private readonly gramCount;
  private readonly statements = new Map<string, Database.Statement<unknown[]>>();

  constructor(
    private readonly db: Db,
    private readonly commands: CommandService,
    private readonly now: () => number,
  ) {
    // Counting stops at 5,000: beyond that a piece is common enough that any rarer one wins.
    this.gramCount = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM name_grams WHERE name_grams MATCH ? LIMIT 5000)');
  }

  private readonly rarest = (grams: string[]): string => {
    let best = grams[0]!;
    let bestCount = Infinity;
    for (const g of grams) {
      const n = this.gramCount.get(gramMatch(g))!.n;
      if (n < bestCount) [best, bestCount] = [g, n];
    }
    return best;
  };

  /** Queue SQL varies only with the filters used, so a handful of statements are prepared once and reused. */
  private stmt(sql: string) {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  list(q: ApiParsedInput<'queue:list'>, user: UserInfo): Result<QueuePage> {
    if (!mayOpenQueue(q.queue, user)) return forbiddenQueue();
    if (q.filter.search && isIdentifierSearch(q.filter.search) && !user.permissions.includes('pii.view')) {
      return fail(
        'forbidden',
        '您的角色不能按证件号码或统一社会信用代码查询，请按客户名称或申请编号查询',
        'Your role may not search by ID number or credit code; search by customer name or application number',
      );
    }
    const nowIso = new Date(this.now()).toISOString();
    const where = combine([queueMembership(q.queue, user.id), ...filterConditions(q.filter, nowIso, this.rarest)]);
    const limit = Math.min(Math.max(q.endRow - q.startRow, 1), 500);
    // The page's rowids first (from an index where one covers filter and sort), then only their rows.
    const order = orderBy(q.sort, q.queue);
    const rows = this.stmt(
      `SELECT ${ROW_COLUMNS} FROM cases WHERE rowid IN (SELECT rowid FROM cases WHERE ${where.where} ORDER BY ${order} LIMIT ? OFFSET ?) ORDER BY ${order}`,
    ).all(
      ...where.params,
      limit,
      q.startRow,
    ) as RawRow[];
    const total = (this.stmt(`SELECT count(*) AS n FROM cases WHERE ${where.where}`).get(...where.params) as { n: number }).n;
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
         ORDER BY priority DESC, sla_due_at ASC, rowid ASC LIMIT 50`,
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
