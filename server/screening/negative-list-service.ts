import { randomUUID } from 'node:crypto';
import type { Actor } from '../../shared/commands/types';
import { fail, ok, type Result } from '../../shared/errors';
import { shanghaiDate } from '../../shared/sla/working-time';
import {
  emptyReport,
  FatalImport,
  fatalOf,
  openList,
  readRows,
  rejectLate,
  sizeText,
  type ImportEncoding,
  type ImportReport,
} from '../../electron/host/screening/negative-list-reader';
import type { CentralDb, Tx } from '../db/central-db';

export interface ImportSummary {
  id: number;
  fileName: string;
  encoding: string | null;
  sizeBytes: number;
  totalRows: number;
  accepted: number;
  rejected: number;
  fatal: string | null;
  fatalZh: string | null;
  createdBy: string;
  createdAt: string;
}

/** Rows per INSERT: some 150 bytes each as JSON, so a statement stays under a megabyte. */
const INSERT_BATCH = 5_000;
/** An upload nobody finished is dropped after this long. */
const UPLOAD_TTL_MS = 30 * 60_000;

const noUpload = () => fail('not-found', '上传不存在或已过期，请重新选择文件', 'No such upload (or it expired); choose the file again');

/**
 * The server's negative list and its CSV import, read by the same reader as the desktop's (so a file is
 * judged alike): chunks staged in the database (any instance may take the next one), the whole file read
 * and its rows inserted in one transaction at commit — all rows or, on a fatal error, none. Which entries
 * were already listed is learned from each batch's insert and reported per line like any other rejection.
 */
export class ServerNegativeList {
  readonly maxBytes: number;
  readonly chunkBytes: number;
  private readonly maxRows: number;

  constructor(private readonly deps: { db: CentralDb; now: () => number; maxBytes?: number; chunkBytes?: number; maxRows?: number }) {
    this.maxBytes = deps.maxBytes ?? 64 * 1024 * 1024;
    this.chunkBytes = deps.chunkBytes ?? 512 * 1024;
    this.maxRows = deps.maxRows ?? 2_000_000;
  }

  async summary(limit = 20): Promise<{ total: number; imports: ImportSummary[] }> {
    const [count] = await this.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM negative_list');
    const rows = await this.deps.db.query<Record<string, unknown>>(
      `SELECT id, file_name, encoding, size_bytes, total_rows, accepted, rejected, fatal, report->'fatal'->>'message' AS fatal_zh, created_by, created_at
       FROM negative_list_imports ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return {
      total: count?.n ?? 0,
      imports: rows.map((r) => ({
        id: Number(r.id),
        fileName: r.file_name as string,
        encoding: (r.encoding as string | null) ?? null,
        sizeBytes: Number(r.size_bytes),
        totalRows: r.total_rows as number,
        accepted: r.accepted as number,
        rejected: r.rejected as number,
        fatal: (r.fatal as string | null) ?? null,
        fatalZh: (r.fatal_zh as string | null) ?? null,
        createdBy: r.created_by as string,
        createdAt: r.created_at as string,
      })),
    };
  }

  async begin(actor: Actor, fileName: string, sizeBytes: number): Promise<Result<{ uploadId: string; chunkBytes: number; maxBytes: number; report: ImportReport | null }>> {
    const base = { chunkBytes: this.chunkBytes, maxBytes: this.maxBytes };
    if (sizeBytes > this.maxBytes) {
      // Refused before a byte is sent; still recorded like any other refused import.
      const report = await this.refuse(actor, fileName, sizeBytes, null, new FatalImport('too_large', null, sizeText(sizeBytes, this.maxBytes)));
      return ok({ uploadId: '', ...base, report });
    }
    const uploadId = randomUUID();
    const now = this.deps.now();
    await this.deps.db.transaction(async (tx) => {
      // One upload per person at a time, and none left over from long ago.
      await tx.query('DELETE FROM negative_list_uploads WHERE owner_id = $1 OR created_at < $2', [actor.id, now - UPLOAD_TTL_MS]);
      await tx.query('INSERT INTO negative_list_uploads (id, owner_id, file_name, size_bytes, created_at) VALUES ($1, $2, $3, $4, $5)', [
        uploadId,
        actor.id,
        fileName,
        sizeBytes,
        now,
      ]);
    });
    return ok({ uploadId, ...base, report: null });
  }

  async chunk(actor: Actor, uploadId: string, index: number, base64: string): Promise<Result<{ receivedBytes: number }>> {
    const bytes = Buffer.from(base64, 'base64');
    return this.deps.db.transaction(async (tx): Promise<Result<{ receivedBytes: number }>> => {
      const u = await this.lockUpload(tx, actor, uploadId);
      if (!u) return noUpload();
      if (index !== u.chunks) return fail('validation', `分片顺序错误（应为第 ${u.chunks} 片）`, `Chunk out of order (expected ${u.chunks})`);
      if (bytes.length > this.chunkBytes || u.received + bytes.length > u.sizeBytes) {
        await tx.query('DELETE FROM negative_list_uploads WHERE id = $1', [uploadId]);
        return fail('validation', '上传内容超过声明的文件大小', 'More data than the declared file size');
      }
      await tx.query('INSERT INTO negative_list_upload_chunks (upload_id, idx, bytes) VALUES ($1, $2, $3)', [uploadId, index, bytes]);
      await tx.query('UPDATE negative_list_uploads SET received = received + $2, chunks = chunks + 1 WHERE id = $1', [uploadId, bytes.length]);
      return ok({ receivedBytes: u.received + bytes.length });
    });
  }

  async commit(actor: Actor, uploadId: string, encoding: ImportEncoding): Promise<Result<ImportReport>> {
    const taken = await this.deps.db.transaction(async (tx) => {
      const u = await this.lockUpload(tx, actor, uploadId);
      if (!u) return null;
      const chunks = await tx.query<{ bytes: Uint8Array }>('SELECT bytes FROM negative_list_upload_chunks WHERE upload_id = $1 ORDER BY idx', [uploadId]);
      await tx.query('DELETE FROM negative_list_uploads WHERE id = $1', [uploadId]);
      return { ...u, bytes: Buffer.concat(chunks.map((c) => Buffer.from(c.bytes))) };
    });
    if (!taken) return noUpload();
    if (taken.received !== taken.sizeBytes) {
      return fail('validation', `文件未传完（${taken.received}/${taken.sizeBytes} 字节），未导入任何数据`, `Upload incomplete (${taken.received}/${taken.sizeBytes} bytes); nothing was imported`);
    }
    return ok(await this.importBuffer(actor, taken.fileName, taken.bytes, encoding));
  }

  /** Imports a whole file; every outcome is a report, never a half-imported list. */
  async importBuffer(actor: Actor, fileName: string, bytes: Uint8Array, encoding: ImportEncoding): Promise<ImportReport> {
    const at = new Date(this.deps.now()).toISOString();
    let decodedAs: 'utf-8' | 'gbk' | null = null;
    try {
      const decoded = openList(bytes, encoding, this.maxBytes);
      decodedAs = decoded.encoding;
      const report: ImportReport = { ...emptyReport(fileName, decoded.encoding, bytes.length), imported: true };
      // Rows are kept as JSON text per batch while the file is read: a fraction of the memory of row objects.
      const batches: string[] = [];
      let batch: object[] = [];
      readRows(decoded.text, { today: shanghaiDate(at), maxRows: this.maxRows }, report, (row, line) => {
        batch.push({ line, match_key: row.matchKey, id_number: row.idNumber, credit_code: row.creditCode, name: row.name, birth_date: row.birthDate, reason: row.reason, source: row.source, listed_on: row.listedOn });
        if (batch.length === INSERT_BATCH) {
          batches.push(JSON.stringify(batch));
          batch = [];
        }
        return true; // whether it was listed already is known once its batch is inserted
      });
      if (batch.length > 0) batches.push(JSON.stringify(batch));
      return await this.load(actor, report, batches, at);
    } catch (e) {
      if (!(e instanceof FatalImport)) throw e;
      return this.refuse(actor, fileName, bytes.length, decodedAs, e);
    }
  }

  private async load(actor: Actor, report: ImportReport, batches: readonly string[], at: string): Promise<ImportReport> {
    return this.deps.db.transaction(async (tx) => {
      const [imp] = await tx.query<{ id: number }>(
        `INSERT INTO negative_list_imports (file_name, encoding, size_bytes, total_rows, accepted, rejected, fatal, report, created_by, created_at)
         VALUES ($1, $2, $3, 0, 0, 0, NULL, '{}', $4, $5) RETURNING id`,
        [report.fileName, report.encoding, report.sizeBytes, actor.id, at],
      );
      const importId = Number(imp!.id);
      const listed: number[] = [];
      for (const json of batches) {
        const rows = await tx.query<{ line: number }>(
          `WITH v AS (
             SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(line int, match_key text, id_number text, credit_code text, name text,
               birth_date text, reason text, source text, listed_on text)
           ), ins AS (
             INSERT INTO negative_list (match_key, id_number, credit_code, name, birth_date, reason, source, listed_on, import_id)
             SELECT match_key, id_number, credit_code, name, birth_date, reason, source, listed_on, $2 FROM v ORDER BY line
             ON CONFLICT (match_key) DO NOTHING RETURNING match_key
           )
           SELECT v.line FROM v WHERE NOT EXISTS (SELECT 1 FROM ins WHERE ins.match_key = v.match_key) ORDER BY v.line`,
          [json, importId],
        );
        for (const r of rows) listed.push(r.line);
      }
      rejectLate(report, listed, 'already_listed');
      report.importId = importId;
      report.listSize = await count(tx);
      await tx.query('UPDATE negative_list_imports SET total_rows = $2, accepted = $3, rejected = $4, report = $5 WHERE id = $1', [
        importId,
        report.totalRows,
        report.accepted,
        report.rejected,
        JSON.stringify(report),
      ]);
      return report;
    });
  }

  /** A refused import: recorded on its own, with nothing of the file kept. */
  private async refuse(actor: Actor, fileName: string, sizeBytes: number, encoding: 'utf-8' | 'gbk' | null, e: FatalImport): Promise<ImportReport> {
    const fatal = fatalOf(e);
    const report: ImportReport = { ...emptyReport(fileName, encoding, sizeBytes), fatal };
    return this.deps.db.transaction(async (tx) => {
      report.listSize = await count(tx);
      const [imp] = await tx.query<{ id: number }>(
        `INSERT INTO negative_list_imports (file_name, encoding, size_bytes, total_rows, accepted, rejected, fatal, report, created_by, created_at)
         VALUES ($1, $2, $3, 0, 0, 0, $4, $5, $6, $7) RETURNING id`,
        [fileName, encoding, sizeBytes, fatal.messageEn, JSON.stringify(report), actor.id, new Date(this.deps.now()).toISOString()],
      );
      report.importId = Number(imp!.id);
      return report;
    });
  }

  private async lockUpload(tx: Tx, actor: Actor, uploadId: string) {
    const [u] = await tx.query<{ owner_id: string; file_name: string; size_bytes: number; received: number; chunks: number; created_at: number }>(
      'SELECT owner_id, file_name, size_bytes, received, chunks, created_at FROM negative_list_uploads WHERE id = $1 FOR UPDATE',
      [uploadId],
    );
    if (!u || u.owner_id !== actor.id || u.created_at < this.deps.now() - UPLOAD_TTL_MS) return null;
    return { fileName: u.file_name, sizeBytes: Number(u.size_bytes), received: Number(u.received), chunks: u.chunks };
  }
}

async function count(tx: Tx): Promise<number> {
  const [r] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM negative_list');
  return r?.n ?? 0;
}
