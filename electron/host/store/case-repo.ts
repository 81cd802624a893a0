import type { CaseRecord } from '../../../shared/domain/case';
import { AppErrorException } from '../../../shared/errors';
import type { Db } from '../db/database';
import { caseNameTokens } from './name-grams';

interface CaseRow {
  id: string;
  state: CaseRecord['state'];
  version: number;
  team: CaseRecord['team'];
  assignee_id: string | null;
  assignee_name: string | null;
  checked_by: string | null;
  submitted_at: string;
  stage_entered_at: string;
  sla_due_at: string | null;
  return_count: number;
  checkers: string;
  risk_grade: CaseRecord['riskGrade'];
  data: string;
  proposal: string | null;
}

/** Row ↔ CaseRecord mapping and the optimistic-concurrency write used by the command path. */
export class CaseRepo {
  private readonly getStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly insertDataStmt;
  private readonly versionStmt;
  /** The case's name pieces for search, one row of the FTS5 table (name-grams.ts). */
  private readonly insertGramsStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], CaseRow>(
      `SELECT id, state, version, team, assignee_id, assignee_name, checked_by, submitted_at, stage_entered_at,
              sla_due_at, return_count, checkers, risk_grade, d.data, proposal FROM cases JOIN case_data d ON d.case_id = cases.id WHERE id = ?`,
    );
    // Positional parameters: binding 25 values from an object by name costs more than the insert itself.
    this.insertStmt = db.prepare(
      `INSERT INTO cases (id, app_no, state, version, team, product_code, segment, amount_fen, branch_code, branch_name,
         customer_name, applicant_name, id_number, credit_code, priority, assignee_id, assignee_name, checked_by,
         submitted_at, stage_entered_at, sla_due_at, return_count, checkers, risk_grade, proposal)
       VALUES (${Array(25).fill('?').join(', ')})`,
    );
    this.insertDataStmt = db.prepare('INSERT INTO case_data (case_id, data) VALUES (?, ?)');
    this.insertGramsStmt = db.prepare<[number | bigint, string]>('INSERT INTO name_grams (rowid, grams) VALUES (?, ?)');
    this.versionStmt = db.prepare<[string], number>('SELECT version FROM cases WHERE id = ?').pluck();
    this.updateStmt = db.prepare(
      `UPDATE cases SET state = @state, version = @version, team = @team, assignee_id = @assigneeId, assignee_name = @assigneeName,
         checked_by = @checkedBy, stage_entered_at = @stageEnteredAt, sla_due_at = @slaDueAt,
         return_count = @returnCount, checkers = @checkers, risk_grade = @riskGrade, proposal = @proposal
       WHERE id = @id AND version = @expectedVersion`,
    );
  }

  get(id: string): CaseRecord | null {
    const row = this.getStmt.get(id);
    return row ? toRecord(row) : null;
  }

  /** The stored version of a case, or null: all the sync client needs to know, without reading the record. */
  version(id: string): number | null {
    return this.versionStmt.get(id) ?? null;
  }

  /** Inserts a new case, or updates one only if nobody changed it since `expectedVersion` was read. */
  save(next: CaseRecord, expectedVersion: number | null): void {
    if (expectedVersion === null) {
      const d = next.data;
      const customerName = d.enterprise?.name ?? d.applicant.name;
      const info = this.insertStmt.run(
        next.id,
        d.appNo,
        next.state,
        next.version,
        next.team,
        d.productCode,
        d.segment,
        d.amountFen,
        d.branchCode,
        d.branchName,
        customerName,
        d.applicant.name,
        d.applicant.idNumber,
        d.enterprise?.creditCode ?? null,
        d.priority,
        next.assigneeId,
        next.assigneeName,
        next.checkedBy,
        next.submittedAt,
        next.stageEnteredAt,
        next.slaDueAt,
        next.returnCount,
        JSON.stringify(next.checkers),
        next.riskGrade,
        next.proposal ? JSON.stringify(next.proposal) : null,
      );
      this.insertDataStmt.run(next.id, JSON.stringify(d));
      this.insertGramsStmt.run(info.lastInsertRowid, caseNameTokens(customerName, d.applicant.name));
      return;
    }
    const info = this.updateStmt.run({ ...common(next), expectedVersion });
    if (info.changes !== 1) {
      throw new AppErrorException({
        code: 'conflict',
        message: '案件已被他人更新，请刷新后重试',
        messageEn: 'The case was changed by someone else; refresh and try again',
      });
    }
  }
}

function common(c: CaseRecord) {
  return {
    id: c.id,
    state: c.state,
    version: c.version,
    team: c.team,
    assigneeId: c.assigneeId,
    assigneeName: c.assigneeName,
    checkedBy: c.checkedBy,
    stageEnteredAt: c.stageEnteredAt,
    slaDueAt: c.slaDueAt,
    returnCount: c.returnCount,
    checkers: JSON.stringify(c.checkers),
    riskGrade: c.riskGrade,
    proposal: c.proposal ? JSON.stringify(c.proposal) : null,
  };
}

function toRecord(r: CaseRow): CaseRecord {
  return {
    id: r.id,
    state: r.state,
    version: r.version,
    team: r.team,
    data: JSON.parse(r.data) as CaseRecord['data'],
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    checkedBy: r.checked_by,
    checkers: JSON.parse(r.checkers) as string[],
    riskGrade: r.risk_grade,
    proposal: r.proposal ? (JSON.parse(r.proposal) as CaseRecord['proposal']) : null,
    submittedAt: r.submitted_at,
    stageEnteredAt: r.stage_entered_at,
    slaDueAt: r.sla_due_at,
    returnCount: r.return_count,
  };
}
