import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../shared/commands/types';
import { fail, ok, type Result } from '../../../shared/errors';
import { maskIdentifiersIn } from '../../../shared/domain/masking';
import { shanghaiDate } from '../../../shared/sla/working-time';
import type { AuditRepo } from '../audit/audit-repo';
import type { Db } from '../db/database';
import type { NegativeListRepo } from './negative-list-repo';
import { emptyReport, FatalImport, fatalOf, openList, readRows, sizeText, type ImportEncoding, type ImportReport } from './negative-list-reader';
import type { NonCaseAuditAction } from '../../../shared/audit/audit-actions';

export type { FatalCode, ImportEncoding, ImportReport } from './negative-list-reader';

interface Upload {
  owner: string;
  fileName: string;
  sizeBytes: number;
  chunks: Buffer[];
  received: number;
  startedAt: number;
}

export interface NegativeListImporterDeps {
  db: Db;
  repo: NegativeListRepo;
  audit: AuditRepo;
  now: () => number;
  /** Largest file accepted (64 MB holds some 800,000 entries). */
  maxBytes?: number;
  /** Bytes per upload chunk: base64 of 512 KB stays under the HTTP transport's 1 MB body limit. */
  chunkBytes?: number;
  maxRows?: number;
}

/**
 * Negative-list import from CSV (UTF-8 or GBK, detected or chosen). Bad rows are rejected one by one with
 * their line and reason; a fatal error (empty file, unreadable encoding, no usable header, broken CSV,
 * too large) stops the import and nothing of the file is kept: all rows go in one transaction.
 * Files arrive in chunks (the HTTP transport limits a request to 1 MB), staged in memory per upload.
 */
export class NegativeListImporter {
  private readonly uploads = new Map<string, Upload>();
  readonly maxBytes: number;
  readonly chunkBytes: number;
  private readonly maxRows: number;

  constructor(private readonly deps: NegativeListImporterDeps) {
    this.maxBytes = deps.maxBytes ?? 64 * 1024 * 1024;
    this.chunkBytes = deps.chunkBytes ?? 512 * 1024;
    this.maxRows = deps.maxRows ?? 2_000_000;
  }

  begin(actor: Actor, fileName: string, sizeBytes: number): Result<{ uploadId: string; chunkBytes: number; maxBytes: number; report: ImportReport | null }> {
    this.expireUploads();
    if (sizeBytes > this.maxBytes) {
      // Refused before a byte is sent; still reported and recorded like any other refused import.
      return ok({ uploadId: '', chunkBytes: this.chunkBytes, maxBytes: this.maxBytes, report: this.refuse(actor, fileName, sizeBytes, null, new FatalImport('too_large', null, sizeText(sizeBytes, this.maxBytes))) });
    }
    for (const [id, u] of this.uploads) if (u.owner === actor.id) this.uploads.delete(id); // one upload per person at a time
    const uploadId = randomUUID();
    this.uploads.set(uploadId, { owner: actor.id, fileName, sizeBytes, chunks: [], received: 0, startedAt: this.deps.now() });
    return ok({ uploadId, chunkBytes: this.chunkBytes, maxBytes: this.maxBytes, report: null });
  }

  chunk(actor: Actor, uploadId: string, index: number, base64: string): Result<{ receivedBytes: number }> {
    const u = this.uploads.get(uploadId);
    if (!u || u.owner !== actor.id) return fail('not-found', '上传不存在或已过期，请重新选择文件', 'No such upload (or it expired); choose the file again');
    if (index !== u.chunks.length) return fail('validation', `分片顺序错误（应为第 ${u.chunks.length} 片）`, `Chunk out of order (expected ${u.chunks.length})`);
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length > this.chunkBytes || u.received + bytes.length > u.sizeBytes) {
      this.uploads.delete(uploadId);
      return fail('validation', '上传内容超过声明的文件大小', 'More data than the declared file size');
    }
    u.chunks.push(bytes);
    u.received += bytes.length;
    return ok({ receivedBytes: u.received });
  }

  commit(actor: Actor, uploadId: string, encoding: ImportEncoding): Result<ImportReport> {
    const u = this.uploads.get(uploadId);
    if (!u || u.owner !== actor.id) return fail('not-found', '上传不存在或已过期，请重新选择文件', 'No such upload (or it expired); choose the file again');
    this.uploads.delete(uploadId);
    if (u.received !== u.sizeBytes) {
      return fail('validation', `文件未传完（${u.received}/${u.sizeBytes} 字节），未导入任何数据`, `Upload incomplete (${u.received}/${u.sizeBytes} bytes); nothing was imported`);
    }
    return ok(this.importBuffer(actor, u.fileName, Buffer.concat(u.chunks, u.received), encoding));
  }

  /** Imports a whole file; every outcome is a report, never a half-imported list. */
  importBuffer(actor: Actor, fileName: string, bytes: Buffer, encoding: ImportEncoding): ImportReport {
    let decoded: { text: string; encoding: 'utf-8' | 'gbk' } | null = null;
    try {
      decoded = openList(bytes, encoding, this.maxBytes);
      return this.load(actor, fileName, bytes.length, decoded);
    } catch (e) {
      if (!(e instanceof FatalImport)) throw e;
      return this.refuse(actor, fileName, bytes.length, decoded?.encoding ?? null, e);
    }
  }

  private load(actor: Actor, fileName: string, sizeBytes: number, decoded: { text: string; encoding: 'utf-8' | 'gbk' }): ImportReport {
    const { db } = this.deps;
    const at = new Date(this.deps.now()).toISOString();
    const today = shanghaiDate(at);
    // A big list builds four indexes at once; with SQLite's default page cache the index pages are spilled
    // and re-read constantly (a 50 MB file took three times as long). Enlarged for the import only.
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    db.pragma('cache_size = -131072');
    try {
      return this.loadRows(actor, fileName, sizeBytes, decoded, at, today);
    } finally {
      db.pragma(`cache_size = ${cacheSize}`);
    }
  }

  private loadRows(actor: Actor, fileName: string, sizeBytes: number, decoded: { text: string; encoding: 'utf-8' | 'gbk' }, at: string, today: string): ImportReport {
    const { db, repo, audit } = this.deps;
    return db.transaction((): ImportReport => {
      const importId = repo.recordImport({ fileName, encoding: decoded.encoding, sizeBytes, totalRows: 0, accepted: 0, rejected: 0, fatal: null, report: '{}', createdBy: actor.id, createdAt: at });
      const report: ImportReport = { ...emptyReport(fileName, decoded.encoding, sizeBytes), importId, imported: true };
      readRows(decoded.text, { today, maxRows: this.maxRows }, report, (row) => repo.insert(row, importId));
      report.listSize = repo.count();
      repo.finishImport(importId, { totalRows: report.totalRows, accepted: report.accepted, rejected: report.rejected, report: JSON.stringify(report) });
      auditImport(audit, actor, at, 'negativeListImported', fileName, { importId, encoding: decoded.encoding, totalRows: report.totalRows, accepted: report.accepted, rejected: report.rejected });
      return report;
    })();
  }

  /** A refused import: recorded and audited on its own, with nothing of the file kept. */
  private refuse(actor: Actor, fileName: string, sizeBytes: number, encoding: 'utf-8' | 'gbk' | null, e: FatalImport): ImportReport {
    const { db, repo, audit } = this.deps;
    const at = new Date(this.deps.now()).toISOString();
    const fatal = fatalOf(e);
    const report: ImportReport = { ...emptyReport(fileName, encoding, sizeBytes), fatal, listSize: repo.count() };
    db.transaction(() => {
      report.importId = repo.recordImport({ fileName, encoding, sizeBytes, totalRows: 0, accepted: 0, rejected: 0, fatal: fatal.messageEn, report: JSON.stringify(report), createdBy: actor.id, createdAt: at });
      auditImport(audit, actor, at, 'negativeListImportRefused', fileName, { sizeBytes, fatal: e.code, line: e.line });
    })();
    return report;
  }

  private expireUploads(): void {
    const cutoff = this.deps.now() - 30 * 60_000;
    for (const [id, u] of this.uploads) if (u.startedAt < cutoff) this.uploads.delete(id);
  }
}

/**
 * Imports are audited without their content: counts and the file name only, never an identifier — a list
 * exported for one person may be named after his identity number, and supervisors read and export the audit.
 */
function auditImport(audit: AuditRepo, actor: Actor, at: string, action: NonCaseAuditAction, fileName: string, details: Record<string, unknown>): void {
  const all = { fileName: maskIdentifiersIn(fileName), ...details };
  audit.append({ at, actorId: actor.id, actorName: actor.name, action, caseId: null, commandId: null, fromState: null, toState: null, details: JSON.stringify(all) });
}
