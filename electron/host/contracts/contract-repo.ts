import { formatContractNo, type ContractDocType } from '../../../shared/contracts/contract-number';
import type { Db } from '../db/database';

export interface VersionDocument {
  docType: ContractDocType;
  documentNo: string;
  templateVersion: number;
}

export interface ContractVersionRow {
  contractNo: string;
  version: number;
  caseId: string;
  sha256: string;
  size: number;
  pages: number;
  documents: VersionDocument[];
  decisionSha256: string;
  decisionJson: string;
  createdAt: string;
  createdBy: string;
  createdByName: string;
  recordedAt: string | null;
}

interface RawVersion {
  contract_no: string;
  version: number;
  case_id: string;
  sha256: string;
  size: number;
  pages: number;
  documents: string;
  decision_sha256: string;
  decision_json: string;
  created_at: string;
  created_by: string;
  created_by_name: string;
  recorded_at: string | null;
}

/** Contract numbers, versions and the PDF bytes (content-addressed). Writes run inside the caller's transaction. */
export class ContractRepo {
  private readonly numberStmt;
  private readonly nextSeqStmt;
  private readonly insertNumberStmt;
  private readonly versionsStmt;
  private readonly versionStmt;
  private readonly maxVersionStmt;
  private readonly insertVersionStmt;
  private readonly insertFileStmt;
  private readonly fileStmt;
  private readonly markRecordedStmt;

  constructor(private readonly db: Db) {
    this.numberStmt = db.prepare<[string], { contract_no: string }>('SELECT contract_no FROM contracts WHERE case_id = ?');
    // One statement both creates the branch's sequence for the year and takes the next number from it.
    this.nextSeqStmt = db.prepare<[string, number], { last_seq: number }>(
      `INSERT INTO contract_sequences (branch_code, year, last_seq) VALUES (?, ?, 1)
       ON CONFLICT (branch_code, year) DO UPDATE SET last_seq = last_seq + 1
       RETURNING last_seq`,
    );
    this.insertNumberStmt = db.prepare(
      `INSERT INTO contracts (case_id, contract_no, branch_code, year, seq, assigned_at, assigned_by)
       VALUES (@caseId, @contractNo, @branchCode, @year, @seq, @at, @by)`,
    );
    this.versionsStmt = db.prepare<[string], RawVersion>('SELECT * FROM contract_versions WHERE case_id = ? ORDER BY version');
    this.versionStmt = db.prepare<[string, number], RawVersion>('SELECT * FROM contract_versions WHERE case_id = ? AND version = ?');
    this.maxVersionStmt = db.prepare<[string], { v: number | null }>('SELECT max(version) AS v FROM contract_versions WHERE contract_no = ?');
    this.insertVersionStmt = db.prepare(
      `INSERT INTO contract_versions (contract_no, version, case_id, sha256, size, pages, documents, decision_sha256, decision_json,
         created_at, created_by, created_by_name, recorded_at)
       VALUES (@contractNo, @version, @caseId, @sha256, @size, @pages, @documents, @decisionSha256, @decisionJson,
         @createdAt, @createdBy, @createdByName, NULL)`,
    );
    this.insertFileStmt = db.prepare('INSERT OR IGNORE INTO contract_files (sha256, size, bytes) VALUES (?, ?, ?)');
    this.fileStmt = db.prepare<[string], { bytes: Buffer }>('SELECT bytes FROM contract_files WHERE sha256 = ?');
    this.markRecordedStmt = db.prepare('UPDATE contract_versions SET recorded_at = ? WHERE case_id = ? AND version = ? AND recorded_at IS NULL');
  }

  numberOf(caseId: string): string | null {
    return this.numberStmt.get(caseId)?.contract_no ?? null;
  }

  /** The case's contract number, assigned from its branch's sequence for `year` the first time it is asked for. */
  numberFor(caseId: string, branchCode: string, year: number, by: string, at: string): string {
    return this.db.transaction(() => {
      const existing = this.numberOf(caseId);
      if (existing) return existing;
      const seq = this.nextSeqStmt.get(branchCode, year)!.last_seq;
      const contractNo = formatContractNo({ branchCode, year, seq });
      this.insertNumberStmt.run({ caseId, contractNo, branchCode, year, seq, at, by });
      return contractNo;
    })();
  }

  versions(caseId: string): ContractVersionRow[] {
    return this.versionsStmt.all(caseId).map(toRow);
  }

  version(caseId: string, version: number): ContractVersionRow | null {
    const raw = this.versionStmt.get(caseId, version);
    return raw ? toRow(raw) : null;
  }

  nextVersion(contractNo: string): number {
    return (this.maxVersionStmt.get(contractNo)?.v ?? 0) + 1;
  }

  /** Stores the bytes once per content and the version row pointing at them. Call inside a transaction. */
  insertVersion(row: Omit<ContractVersionRow, 'recordedAt'>, bytes: Uint8Array): void {
    this.insertFileStmt.run(row.sha256, bytes.byteLength, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    this.insertVersionStmt.run({ ...row, documents: JSON.stringify(row.documents) });
  }

  file(sha256: string): Buffer | null {
    return this.fileStmt.get(sha256)?.bytes ?? null;
  }

  markRecorded(caseId: string, version: number, at: string): boolean {
    return this.markRecordedStmt.run(at, caseId, version).changes === 1;
  }
}

function toRow(r: RawVersion): ContractVersionRow {
  return {
    contractNo: r.contract_no,
    version: r.version,
    caseId: r.case_id,
    sha256: r.sha256,
    size: r.size,
    pages: r.pages,
    documents: JSON.parse(r.documents) as VersionDocument[],
    decisionSha256: r.decision_sha256,
    decisionJson: r.decision_json,
    createdAt: r.created_at,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    recordedAt: r.recorded_at,
  };
}
