import type { ScreeningEvaluation } from '../../../shared/screening/screen-case';
import type { Db } from '../db/database';

/** A stored screening: the evaluation as computed, with when and by which command it was applied. */
export interface ScreeningRecord {
  id: number;
  caseId: string;
  screenedAt: string;
  commandId: string;
  evaluation: ScreeningEvaluation;
}

export interface OverrideRecord {
  id: number;
  caseId: string;
  resultId: number;
  limitFen: number | null;
  rateBp: number | null;
  reason: string;
  actorId: string;
  actorName: string;
  at: string;
  commandId: string;
}

interface ResultRow {
  id: number;
  case_id: string;
  screened_at: string;
  command_id: string;
  result: string;
}

interface OverrideRow {
  id: number;
  case_id: string;
  result_id: number;
  limit_fen: number | null;
  rate_bp: number | null;
  reason: string;
  actor_id: string;
  actor_name: string;
  at: string;
  command_id: string;
}

/** Screening results, their rule hits and officers' overrides. Writes run inside the caller's transaction. */
export class ScreeningResultRepo {
  private readonly insertResult;
  private readonly insertHit;
  private readonly latestStmt;
  private readonly byCaseStmt;
  private readonly insertOverrideStmt;
  private readonly overridesStmt;
  private readonly resultIdStmt;
  private readonly byCommandStmt;
  private readonly overrideByCommandStmt;
  private readonly deleteOverrideStmt;

  constructor(db: Db) {
    this.insertResult = db.prepare(
      `INSERT INTO screening_results (id, case_id, rule_set_version, screened_at, outcome, team, risk_grade, limit_fen, rate_bp, quota_exempt, command_id, result)
       VALUES (@id, @caseId, @version, @screenedAt, @outcome, @team, @riskGrade, @limitFen, @rateBp, @quotaExempt, @commandId, @result)`,
    );
    this.insertHit = db.prepare('INSERT INTO screening_rule_hits (result_id, case_id, rule_id, result) VALUES (?, ?, ?, ?)');
    this.latestStmt = db.prepare<[string], ResultRow>('SELECT id, case_id, screened_at, command_id, result FROM screening_results WHERE case_id = ? ORDER BY id DESC LIMIT 1');
    this.byCaseStmt = db.prepare<[string], ResultRow>('SELECT id, case_id, screened_at, command_id, result FROM screening_results WHERE case_id = ? ORDER BY id DESC');
    this.insertOverrideStmt = db.prepare(
      `INSERT INTO screening_overrides (case_id, result_id, limit_fen, rate_bp, reason, actor_id, actor_name, at, command_id)
       VALUES (@caseId, @resultId, @limitFen, @rateBp, @reason, @actorId, @actorName, @at, @commandId)`,
    );
    this.overridesStmt = db.prepare<[string, number], OverrideRow>('SELECT * FROM screening_overrides WHERE case_id = ? AND result_id = ? ORDER BY id');
    this.resultIdStmt = db.prepare<[number], { case_id: string; command_id: string }>('SELECT case_id, command_id FROM screening_results WHERE id = ?');
    this.byCommandStmt = db.prepare<[string], { id: number }>('SELECT id FROM screening_results WHERE command_id = ?');
    this.overrideByCommandStmt = db.prepare<[string], { id: number }>('SELECT id FROM screening_overrides WHERE command_id = ?');
    this.deleteOverrideStmt = db.prepare<[string]>('DELETE FROM screening_overrides WHERE command_id = ?');
  }

  /**
   * Stores a screening. `id` is given for a result the central server made (a synced desktop keeps the
   * server's ids, so every desktop names a result alike); a local screening takes the next id.
   */
  insert(caseId: string, e: ScreeningEvaluation, screenedAt: string, commandId: string, id: number | null = null): number {
    const rowId = Number(
      this.insertResult.run({
        id,
        caseId,
        version: e.ruleSetVersion,
        screenedAt,
        outcome: e.outcome,
        team: e.team,
        riskGrade: e.riskGrade,
        limitFen: e.limit.limitFen,
        rateBp: e.price.rateBp,
        quotaExempt: e.price.quotaExempt ? 1 : 0,
        commandId,
        result: JSON.stringify(e),
      }).lastInsertRowid,
    );
    for (const r of e.rules) if (r.fired) this.insertHit.run(rowId, caseId, r.ruleId, r.result);
    return rowId;
  }

  /** The result with this id, if any: which case and command it belongs to. */
  byId(id: number): { caseId: string; commandId: string } | null {
    const r = this.resultIdStmt.get(id);
    return r ? { caseId: r.case_id, commandId: r.command_id } : null;
  }

  /** Whether the screening recorded by this command is stored already. */
  hasResultOf(commandId: string): boolean {
    return this.byCommandStmt.get(commandId) !== undefined;
  }

  hasOverrideOf(commandId: string): boolean {
    return this.overrideByCommandStmt.get(commandId) !== undefined;
  }

  /** An override the central server refused goes with the optimistic change it belonged to. */
  deleteOverrideOf(commandId: string): void {
    this.deleteOverrideStmt.run(commandId);
  }

  latest(caseId: string): ScreeningRecord | null {
    const row = this.latestStmt.get(caseId);
    return row ? toRecord(row) : null;
  }

  /** Every screening of the case, newest first (a case screened again after 补件 has several). */
  forCase(caseId: string): ScreeningRecord[] {
    return this.byCaseStmt.all(caseId).map(toRecord);
  }

  insertOverride(o: Omit<OverrideRecord, 'id'>): number {
    return Number(this.insertOverrideStmt.run(o).lastInsertRowid);
  }

  overrides(caseId: string, resultId: number): OverrideRecord[] {
    return this.overridesStmt.all(caseId, resultId).map((r) => ({
      id: r.id,
      caseId: r.case_id,
      resultId: r.result_id,
      limitFen: r.limit_fen,
      rateBp: r.rate_bp,
      reason: r.reason,
      actorId: r.actor_id,
      actorName: r.actor_name,
      at: r.at,
      commandId: r.command_id,
    }));
  }
}

function toRecord(r: ResultRow): ScreeningRecord {
  return { id: r.id, caseId: r.case_id, screenedAt: r.screened_at, commandId: r.command_id, evaluation: JSON.parse(r.result) as ScreeningEvaluation };
}
