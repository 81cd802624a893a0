import { ACTIONS_WITH_DETAILS, ACTIONS_WITHOUT_DETAILS } from '../../../shared/dashboard/actions';
import type { AuditEvent, CaseFacts } from '../../../shared/dashboard/records';
import type { Db } from '../db/database';

type RawRow = [number, string, string, string, string, string | null, string | null, string | null, string | null];

/**
 * Reads the audit trail for the dashboard in seq order, a block at a time. Rows come back as arrays (no
 * object per row) and the details JSON only for the event types the metrics read, which is most of the
 * cost of reading a million rows.
 */
export class AuditFeed {
  private readonly blockStmt;
  private readonly maxSeqStmt;
  private readonly factsStmt;
  private readonly allFactsStmt;

  constructor(db: Db) {
    // The lists are fixed at build time from shared/dashboard/actions.ts; inlined as literals, never user input.
    const list = (actions: readonly string[]) => actions.map((a) => `'${a.replace(/[^A-Za-z]/g, '')}'`).join(', ');
    // Event types the dashboard does not know are read only when they record an assignee (all it could use).
    this.blockStmt = db
      .prepare<[number, number], RawRow>(
        `SELECT seq, at, actor_id, actor_name, action, case_id, from_state, to_state,
                CASE WHEN action IN (${list(ACTIONS_WITHOUT_DETAILS)}) THEN NULL
                     WHEN action IN (${list(ACTIONS_WITH_DETAILS)}) THEN details
                     WHEN instr(details, '"assignee"') > 0 THEN details END
         FROM audit WHERE seq > ? ORDER BY seq LIMIT ?`,
      )
      .raw(true);
    this.maxSeqStmt = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM audit');
    this.factsStmt = db.prepare<[string], { team: string; product: string; branch: string }>(
      'SELECT team, product_code AS product, branch_code AS branch FROM cases WHERE id = ?',
    );
    this.allFactsStmt = db.prepare<[], [string, string, string, string]>('SELECT id, team, product_code, branch_code FROM cases').raw(true);
  }

  maxSeq(): number {
    return this.maxSeqStmt.get()?.seq ?? 0;
  }

  /** Up to `limit` rows after `afterSeq`, oldest first. */
  block(afterSeq: number, limit: number): AuditEvent[] {
    return this.blockStmt.all(afterSeq, limit).map((r) => ({
      seq: r[0],
      at: r[1],
      actorId: r[2],
      actorName: r[3],
      action: r[4],
      caseId: r[5],
      fromState: r[6],
      toState: r[7],
      details: r[8],
    }));
  }

  /** Team, product and branch of every case, read in one pass for the first load. */
  allFacts(): Map<string, CaseFacts> {
    const map = new Map<string, CaseFacts>();
    for (const [id, team, product, branch] of this.allFactsStmt.iterate()) map.set(id, { team, product, branch });
    return map;
  }

  facts(caseId: string): CaseFacts | undefined {
    return this.factsStmt.get(caseId);
  }
}
