import type { NegativeListMatch, NegativeListProbe } from '../../../shared/screening/negative-list-match';
import { maskProbeValue } from '../../../shared/screening/negative-list-match';
import type { NegativeListRow } from '../../../shared/screening/negative-list-row';
import type { Db } from '../db/database';

interface EntryRow {
  id: number;
  reason: string;
  source: string;
  listed_on: string | null;
}

export interface ImportRecord {
  fileName: string;
  encoding: string | null;
  sizeBytes: number;
  totalRows: number;
  accepted: number;
  rejected: number;
  fatal: string | null;
  report: string;
  createdBy: string;
  createdAt: string;
}

export interface ImportSummary extends Omit<ImportRecord, 'report'> {
  id: number;
  /** A refusal's reason in Chinese, from its report (`fatal` is the English). */
  fatalZh: string | null;
}

/** Negative-list entries: indexed lookups for screening, bulk inserts for imports. */
export class NegativeListRepo {
  private readonly byIdNumber;
  private readonly byCreditCode;
  private readonly byNameBirth;
  private readonly insertEntry;
  private readonly insertImport;
  private readonly countStmt;
  private readonly importsStmt;
  private readonly importStmt;

  constructor(db: Db) {
    this.byIdNumber = db.prepare<[string], EntryRow>('SELECT id, reason, source, listed_on FROM negative_list WHERE id_number = ?');
    this.byCreditCode = db.prepare<[string], EntryRow>('SELECT id, reason, source, listed_on FROM negative_list WHERE credit_code = ?');
    this.byNameBirth = db.prepare<[string, string], EntryRow>(
      'SELECT id, reason, source, listed_on FROM negative_list WHERE name = ? AND birth_date = ? AND name IS NOT NULL AND birth_date IS NOT NULL',
    );
    this.insertEntry = db.prepare(
      `INSERT OR IGNORE INTO negative_list (match_key, id_number, credit_code, name, birth_date, reason, source, listed_on, import_id)
       VALUES (@matchKey, @idNumber, @creditCode, @name, @birthDate, @reason, @source, @listedOn, @importId)`,
    );
    this.insertImport = db.prepare(
      `INSERT INTO negative_list_imports (file_name, encoding, size_bytes, total_rows, accepted, rejected, fatal, report, created_by, created_at)
       VALUES (@fileName, @encoding, @sizeBytes, @totalRows, @accepted, @rejected, @fatal, @report, @createdBy, @createdAt)`,
    );
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM negative_list');
    this.importsStmt = db.prepare<[number], ImportSummaryRow>(
      `SELECT id, file_name, encoding, size_bytes, total_rows, accepted, rejected, fatal, json_extract(report, '$.fatal.message') AS fatal_zh, created_by, created_at
       FROM negative_list_imports ORDER BY id DESC LIMIT ?`,
    );
    this.importStmt = db.prepare(
      'UPDATE negative_list_imports SET total_rows = @totalRows, accepted = @accepted, rejected = @rejected, report = @report WHERE id = @id',
    );
  }

  /**
   * Every entry a case's probes hit. An entry found by ID number and again by name + birth date is reported
   * once, under the first (stronger) key.
   */
  match(probes: readonly NegativeListProbe[]): NegativeListMatch[] {
    const out: NegativeListMatch[] = [];
    const seen = new Set<number>();
    for (const p of probes) {
      let rows: EntryRow[];
      if (p.key === 'id_number') rows = this.byIdNumber.all(p.value);
      else if (p.key === 'credit_code') rows = this.byCreditCode.all(p.value);
      else {
        const bar = p.value.lastIndexOf('|');
        rows = this.byNameBirth.all(p.value.slice(0, bar), p.value.slice(bar + 1));
      }
      for (const r of rows) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        out.push({ entryId: r.id, party: p.party, key: p.key, maskedValue: maskProbeValue(p), reason: r.reason, source: r.source, listedOn: r.listed_on });
      }
    }
    return out;
  }

  count(): number {
    return this.countStmt.get()!.n;
  }

  /** Records an import (or a refused one); returns its id. Call inside the import's transaction. */
  recordImport(r: ImportRecord): number {
    return Number(this.insertImport.run(r).lastInsertRowid);
  }

  finishImport(id: number, r: Pick<ImportRecord, 'totalRows' | 'accepted' | 'rejected' | 'report'>): void {
    this.importStmt.run({ id, ...r });
  }

  /** Inserts an entry; false if an entry with the same key is already listed. */
  insert(row: NegativeListRow, importId: number): boolean {
    return this.insertEntry.run({ ...row, importId }).changes === 1;
  }

  imports(limit = 20): ImportSummary[] {
    return this.importsStmt.all(limit).map((r) => ({
      id: r.id,
      fileName: r.file_name,
      encoding: r.encoding,
      sizeBytes: r.size_bytes,
      totalRows: r.total_rows,
      accepted: r.accepted,
      rejected: r.rejected,
      fatal: r.fatal,
      fatalZh: r.fatal_zh,
      createdBy: r.created_by,
      createdAt: r.created_at,
    }));
  }
}

interface ImportSummaryRow {
  id: number;
  file_name: string;
  encoding: string | null;
  size_bytes: number;
  total_rows: number;
  accepted: number;
  rejected: number;
  fatal: string | null;
  fatal_zh: string | null;
  created_by: string;
  created_at: string;
}
