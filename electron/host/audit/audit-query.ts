import { maskIdentifiersDeep } from '../../../shared/domain/masking';
import type { AuditFilter, AuditRow } from '../../../shared/api/audit-trail-api';
import type { Db } from '../db/database';

interface Raw {
  seq: number;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  case_id: string | null;
  app_no: string | null;
  from_state: string | null;
  to_state: string | null;
  details: string;
  hash: string;
}

/**
 * The auditor's reading of the trail. Maker and checker follow the maker–checker model: the maker of a
 * confirmation is the officer who proposed it (kept in the confirmation's details), the checker is the one
 * who confirmed it.
 */
export class AuditQuery {
  constructor(private readonly db: Db) {}

  private where(f: AuditFilter): { sql: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (f.makerId) {
      parts.push("(a.actor_id = ? OR (a.action = 'confirmed' AND json_extract(a.details, '$.maker') = ?))");
      params.push(f.makerId, f.makerId);
    }
    if (f.checkerId) {
      parts.push("(a.action = 'confirmed' AND a.actor_id = ?)");
      params.push(f.checkerId);
    }
    if (f.action) {
      parts.push('a.action = ?');
      params.push(f.action);
    }
    if (f.caseRef) {
      parts.push('(a.case_id = ? OR a.case_id = (SELECT id FROM cases WHERE app_no = ?))');
      params.push(f.caseRef.trim(), f.caseRef.trim().toUpperCase());
    }
    if (f.from) {
      parts.push('a.at >= ?');
      params.push(f.from);
    }
    if (f.to) {
      parts.push('a.at < ?');
      params.push(f.to);
    }
    return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
  }

  /** `pii`: whether the reader may see identity numbers (else those typed into details are masked). */
  list(f: AuditFilter, startRow: number, endRow: number, pii: boolean): { rows: AuditRow[]; total: number } {
    const w = this.where(f);
    const limit = Math.min(Math.max(endRow - startRow, 1), 500);
    const raws = this.db
      .prepare<unknown[], Raw>(
        `SELECT a.seq, a.at, a.actor_id, a.actor_name, a.action, a.case_id, c.app_no, a.from_state, a.to_state, a.details, a.hash
         FROM audit a LEFT JOIN cases c ON c.id = a.case_id WHERE ${w.sql} ORDER BY a.seq DESC LIMIT ? OFFSET ?`,
      )
      .all(...w.params, limit, startRow);
    const total = this.db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM audit a WHERE ${w.sql}`).get(...w.params)!.n;
    return { rows: raws.map((r) => toRow(r, pii)), total };
  }

  /** All matching rows, oldest first, as CSV with a BOM (Excel reads UTF-8 Chinese only with it). */
  csv(f: AuditFilter, pii: boolean): string {
    const w = this.where(f);
    const header = ['序号 seq', '时间 time (UTC)', '操作人 actor', '操作 action', '申请编号 application', '原状态 from', '新状态 to', '提议人 maker', '详情 details', '哈希 hash'];
    const lines = [header.map(cell).join(',')];
    const stmt = this.db.prepare<unknown[], Raw>(
      `SELECT a.seq, a.at, a.actor_id, a.actor_name, a.action, a.case_id, c.app_no, a.from_state, a.to_state, a.details, a.hash
       FROM audit a LEFT JOIN cases c ON c.id = a.case_id WHERE ${w.sql} ORDER BY a.seq`,
    );
    for (const raw of stmt.iterate(...w.params)) {
      const r = toRow(raw, pii);
      lines.push([r.seq, r.at, r.actorName, r.action, r.appNo ?? '', r.fromState ?? '', r.toState ?? '', r.makerName ?? '', JSON.stringify(r.details), r.hash].map(cell).join(','));
    }
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
  }
}

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
export function cell(v: unknown): string {
  let s = String(v);
  if (/^[=+\-@]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toRow(r: Raw, pii: boolean): AuditRow {
  const stored = JSON.parse(r.details) as Record<string, unknown>;
  // The hash stays that of the stored entry; only what is shown is masked.
  const details = pii ? stored : maskIdentifiersDeep(stored);
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    caseId: r.case_id,
    appNo: r.app_no,
    fromState: r.from_state,
    toState: r.to_state,
    makerName: typeof details.makerName === 'string' ? details.makerName : r.action === 'proposed' ? r.actor_name : null,
    details,
    hash: r.hash,
  };
}
