import type { DrillRow } from '../../../shared/api/dashboard-api';
import type { Db } from '../db/database';

interface Raw {
  id: string;
  app_no: string;
  customer_name: string;
  product_code: DrillRow['productCode'];
  amount_fen: number;
  branch_name: string;
  team: DrillRow['team'];
  state: DrillRow['state'];
  assignee_id: string | null;
  assignee_name: string | null;
  stage_entered_at: string;
  sla_due_at: string | null;
}

/**
 * The cases behind a figure as they stand now (state, holder, SLA), most urgent first. The ids go to SQLite
 * as one JSON array, so a list of twenty thousand cases is one query, not twenty thousand; the order is
 * worked out once per list (ids only) and each block then reads just its own rows.
 */
export class DrillRows {
  private readonly orderStmt;
  private readonly rowsStmt;

  constructor(db: Db) {
    this.orderStmt = db
      .prepare<[string], string>(
        `SELECT id FROM cases WHERE id IN (SELECT value FROM json_each(?))
         ORDER BY sla_due_at IS NULL, sla_due_at, app_no`,
      )
      .pluck(true);
    this.rowsStmt = db.prepare<[string], Raw>(
      `SELECT id, app_no, customer_name, product_code, amount_fen, branch_name, team, state, assignee_id, assignee_name,
              stage_entered_at, sla_due_at
       FROM cases WHERE id IN (SELECT value FROM json_each(?))`,
    );
  }

  /** The ids in drill-down order: most urgent SLA first, cases without a clock last, then by application. */
  ordered(ids: readonly string[]): string[] {
    return ids.length === 0 ? [] : this.orderStmt.all(JSON.stringify(ids));
  }

  /** The rows of `ids`, in the order given. */
  rows(ids: readonly string[]): DrillRow[] {
    if (ids.length === 0) return [];
    const byId = new Map(this.rowsStmt.all(JSON.stringify(ids)).map((r) => [r.id, toRow(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}

function toRow(r: Raw): DrillRow {
  return {
    caseId: r.id,
    appNo: r.app_no,
    customerName: r.customer_name,
    productCode: r.product_code,
    amountFen: r.amount_fen,
    branchName: r.branch_name,
    team: r.team,
    state: r.state,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    stageEnteredAt: r.stage_entered_at,
    slaDueAt: r.sla_due_at,
  };
}
