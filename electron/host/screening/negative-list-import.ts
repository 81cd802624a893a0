import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import type { Actor } from '../../../shared/commands/types';
import { fail, ok, type Result } from '../../../shared/errors';
import { shanghaiDate } from '../../../shared/sla/working-time';
import { CsvSyntaxError, parseCsv } from '../../../shared/screening/csv';
import { mapHeader, ROW_PROBLEM_LABELS, validateRow, type RowProblem } from '../../../shared/screening/negative-list-row';
import type { AuditRepo } from '../audit/audit-repo';
import type { Db } from '../db/database';
import type { NegativeListRepo } from './negative-list-repo';

export type ImportEncoding = 'auto' | 'utf-8' | 'gbk';
export type FatalCode = 'empty' | 'too_large' | 'encoding' | 'no_header' | 'no_rows' | 'malformed_csv' | 'too_many_rows';

export interface ImportReport {
  importId: number | null;
  fileName: string;
  encoding: 'utf-8' | 'gbk' | null;
  sizeBytes: number;
  /** False when a fatal error stopped the import: then nothing at all was added. */
  imported: boolean;
  fatal: { code: FatalCode; message: string; messageEn: string; line: number | null } | null;
  totalRows: number;
  accepted: number;
  rejected: number;
  byProblem: Partial<Record<RowProblem, number>>;
  /** The first rejected rows, with their line in the file and why. */
  rejectedRows: { line: number; problem: RowProblem; message: string; messageEn: string }[];
  ignoredColumns: string[];
  /** Entries on the list after the import. */
  listSize: number;
}

const FATAL_TEXT: Record<FatalCode, { zh: string; en: string }> = {
  empty: { zh: '文件为空', en: 'The file is empty' },
  too_large: { zh: '文件过大', en: 'The file is too large' },
  encoding: { zh: '无法识别文件编码（支持 UTF-8 和 GBK）', en: 'The file is neither valid UTF-8 nor GBK' },
  no_header: { zh: '缺少表头或表头中没有身份证号、统一社会信用代码或姓名+出生日期列', en: 'No header naming an ID number, credit code or name + birth date column' },
  no_rows: { zh: '文件只有表头，没有数据行', en: 'The file has a header but no rows' },
  malformed_csv: { zh: 'CSV 格式错误（引号未闭合或位置不对）', en: 'Malformed CSV (an unclosed or misplaced quote)' },
  too_many_rows: { zh: '行数超过上限', en: 'Too many rows' },
};

const REPORTED_ROWS = 200;

class FatalImport extends Error {
  constructor(
    readonly code: FatalCode,
    readonly line: number | null = null,
    readonly extra: { zh: string; en: string } | null = null,
  ) {
    super(code);
  }
}

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
      return ok({ uploadId: '', chunkBytes: this.chunkBytes, maxBytes: this.maxBytes, report: this.refuse(actor, fileName, sizeBytes, null, new FatalImport('too_large', null, this.sizeText(sizeBytes))) });
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
      if (bytes.length > this.maxBytes) throw new FatalImport('too_large', null, this.sizeText(bytes.length));
      decoded = decode(bytes, encoding);
      if (!/[^\s\uFEFF]/.test(decoded.text)) throw new FatalImport('empty');
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
      let header: { width: number; columns: Parameters<typeof validateRow>[2]; ignored: string[] } | null = null;
      const report: ImportReport = { ...emptyReport(fileName, decoded.encoding, sizeBytes), importId, imported: true };
      const seen = new Set<string>();
      const reject = (line: number, problem: RowProblem) => {
        report.rejected += 1;
        report.byProblem[problem] = (report.byProblem[problem] ?? 0) + 1;
        if (report.rejectedRows.length < REPORTED_ROWS) {
          report.rejectedRows.push({ line, problem, message: ROW_PROBLEM_LABELS[problem].zh, messageEn: ROW_PROBLEM_LABELS[problem].en });
        }
      };
      try {
        parseCsv(decoded.text, ({ line, fields }) => {
          if (!header) {
            const h = mapHeader(fields);
            if (!h.ok) throw new FatalImport('no_header', line);
            header = { width: fields.length, columns: h.columns, ignored: h.ignored };
            report.ignoredColumns = h.ignored;
            return;
          }
          report.totalRows += 1;
          if (report.totalRows > this.maxRows) throw new FatalImport('too_many_rows', line, { zh: `上限 ${this.maxRows} 行`, en: `at most ${this.maxRows} rows` });
          const v = validateRow(fields, header.width, header.columns, today);
          if ('problem' in v) return reject(line, v.problem);
          if (seen.has(v.row.matchKey)) return reject(line, 'duplicate_in_file');
          seen.add(v.row.matchKey);
          if (!repo.insert(v.row, importId)) return reject(line, 'already_listed');
          report.accepted += 1;
        });
      } catch (e) {
        if (e instanceof CsvSyntaxError) throw new FatalImport('malformed_csv', e.line);
        throw e;
      }
      if (report.totalRows === 0) throw new FatalImport('no_rows');
      report.listSize = repo.count();
      repo.finishImport(importId, { totalRows: report.totalRows, accepted: report.accepted, rejected: report.rejected, report: JSON.stringify(report) });
      auditImport(audit, actor, at, 'negativeListImported', { importId, fileName, encoding: decoded.encoding, totalRows: report.totalRows, accepted: report.accepted, rejected: report.rejected });
      return report;
    })();
  }

  /** A refused import: recorded and audited on its own, with nothing of the file kept. */
  private refuse(actor: Actor, fileName: string, sizeBytes: number, encoding: 'utf-8' | 'gbk' | null, e: FatalImport): ImportReport {
    const { db, repo, audit } = this.deps;
    const at = new Date(this.deps.now()).toISOString();
    const text = FATAL_TEXT[e.code];
    const where = e.line !== null ? { zh: `（第 ${e.line} 行）`, en: ` (line ${e.line})` } : { zh: '', en: '' };
    const fatal = {
      code: e.code,
      message: `${text.zh}${e.extra ? `：${e.extra.zh}` : ''}${where.zh}，未导入任何数据`,
      messageEn: `${text.en}${e.extra ? `: ${e.extra.en}` : ''}${where.en}; nothing was imported`,
      line: e.line,
    };
    const report: ImportReport = { ...emptyReport(fileName, encoding, sizeBytes), fatal, listSize: repo.count() };
    db.transaction(() => {
      report.importId = repo.recordImport({ fileName, encoding, sizeBytes, totalRows: 0, accepted: 0, rejected: 0, fatal: fatal.messageEn, report: JSON.stringify(report), createdBy: actor.id, createdAt: at });
      auditImport(audit, actor, at, 'negativeListImportRefused', { fileName, sizeBytes, fatal: e.code, line: e.line });
    })();
    return report;
  }

  private sizeText(bytes: number): { zh: string; en: string } {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return { zh: `${mb(bytes)}，上限 ${mb(this.maxBytes)}`, en: `${mb(bytes)}, at most ${mb(this.maxBytes)}` };
  }

  private expireUploads(): void {
    const cutoff = this.deps.now() - 30 * 60_000;
    for (const [id, u] of this.uploads) if (u.startedAt < cutoff) this.uploads.delete(id);
  }
}

function emptyReport(fileName: string, encoding: 'utf-8' | 'gbk' | null, sizeBytes: number): ImportReport {
  return { importId: null, fileName, encoding, sizeBytes, imported: false, fatal: null, totalRows: 0, accepted: 0, rejected: 0, byProblem: {}, rejectedRows: [], ignoredColumns: [], listSize: 0 };
}

/** Imports are audited without their content: counts and the file name only, never an identifier. */
function auditImport(audit: AuditRepo, actor: Actor, at: string, action: string, details: Record<string, unknown>): void {
  audit.append({ at, actorId: actor.id, actorName: actor.name, action, caseId: null, commandId: null, fromState: null, toState: null, details: JSON.stringify(details) });
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GBK; or as the person chose. */
function decode(bytes: Buffer, encoding: ImportEncoding): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (encoding !== 'gbk') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      if (encoding === 'utf-8') throw new FatalImport('encoding', null, { zh: '文件不是有效的 UTF-8，如为 GBK 请选择 GBK', en: 'not valid UTF-8; choose GBK if it is GBK' });
    }
  }
  // GB18030 decodes every GBK file and more; a replacement character means bytes that are neither.
  const text = iconv.decode(bytes, 'gb18030');
  if (text.includes('\uFFFD')) throw new FatalImport('encoding');
  return { text, encoding: 'gbk' };
}
