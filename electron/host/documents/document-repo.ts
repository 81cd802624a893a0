import { z } from 'zod';
import type { ExtractedField } from '../../../shared/documents/extract';
import type { DocumentKind } from '../../../shared/documents/kinds';
import type { OcrBox, OcrPage } from '../../../shared/documents/ocr-types';
import { maskIdentifier } from '../../../shared/domain/masking';
import { jsonAs } from '../../../shared/validators/json-as';
import type { Db } from '../db/database';

/** Why recognition failed, in both languages (kept as JSON in ocr_error). */
export interface OcrFailure {
  message: string;
  messageEn: string;
}

/** A store written before the reasons were JSON holds `中文 / English`. */
function ocrFailureOf(stored: string | null): OcrFailure | null {
  if (stored === null) return null;
  try {
    const v = JSON.parse(stored) as Partial<OcrFailure>;
    if (typeof v.message === 'string' && typeof v.messageEn === 'string') return { message: v.message, messageEn: v.messageEn };
  } catch {
    // the older form, below
  }
  const [zh, ...en] = stored.split(' / ');
  return { message: zh!, messageEn: en.length ? en.join(' / ') : 'Recognition failed; try again' };
}

export type OcrStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type FieldStatus = 'recognised' | 'confirmed' | 'corrected';

export interface DocumentRow {
  id: string;
  caseId: string;
  seq: number;
  fileName: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  pageCount: number;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: string;
  kind: DocumentKind;
  kindSource: 'detected' | 'clerk';
  kindScore: number | null;
  ocrStatus: OcrStatus;
  ocrError: OcrFailure | null;
  ocrMs: number | null;
  ocrFinishedAt: string | null;
  /** 'central': added on another desktop and learnt from the change feed. */
  origin: 'local' | 'central';
  /** Learnt from the feed, its file not fetched from the server yet (no pages until it is). */
  awaitingFile: boolean;
}

/** A field confirmed or corrected on another desktop (from its audit entry). */
export interface RemoteReview {
  commandId: string;
  documentId: string;
  field: string;
  action: 'confirm' | 'correct';
  /** Masked when the field is an identity number or credit code (the audit entry keeps them masked). */
  value: string;
  masked: boolean;
  actorId: string;
  actorName: string;
  at: string;
  /** The kind of reading it was made on; null in rows kept before that was recorded. */
  kind: DocumentKind | null;
}

/** A field's review, as a waiting review command found it and as it left it (outbox.field_before, 0630). */
const FieldStateSchema = z.object({
  value: z.string(),
  status: z.enum(['recognised', 'confirmed', 'corrected']),
  reviewedBy: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
const FieldUndoSchema = z.object({ documentId: z.string(), field: z.string(), before: FieldStateSchema, wrote: FieldStateSchema });
export type FieldState = z.infer<typeof FieldStateSchema>;
export type FieldUndo = z.infer<typeof FieldUndoSchema>;

/** Whether a field shows exactly what a review wrote (the same person at the same moment, the same value). */
export function sameReview(a: FieldState, b: FieldState): boolean {
  return a.value === b.value && a.status === b.status && a.reviewedBy === b.reviewedBy && a.reviewedAt === b.reviewedAt;
}

export interface PageRow {
  documentId: string;
  pageNo: number;
  sha256: string;
  mime: string;
  width: number;
  height: number;
}

export interface FieldRow {
  documentId: string;
  field: string;
  ord: number;
  ocrRaw: string;
  ocrValue: string;
  ocrConfidence: number;
  ocrProblems: string[];
  ocrSource: 'ocr' | 'reread';
  pageNo: number;
  bbox: OcrBox | null;
  value: string;
  status: FieldStatus;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
}

interface RawDocument {
  id: string;
  case_id: string;
  seq: number;
  file_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  page_count: number;
  uploaded_by: string;
  uploaded_by_name: string;
  uploaded_at: string;
  kind: DocumentKind;
  kind_source: 'detected' | 'clerk';
  kind_score: number | null;
  ocr_status: OcrStatus;
  ocr_error: string | null;
  ocr_ms: number | null;
  ocr_finished_at: string | null;
  origin: 'local' | 'central';
  awaiting_file: number;
}

interface RawField {
  document_id: string;
  field: string;
  ord: number;
  ocr_raw: string;
  ocr_value: string;
  ocr_confidence: number;
  ocr_problems: string;
  ocr_source: 'ocr' | 'reread';
  page_no: number;
  bbox: string | null;
  value: string;
  status: FieldStatus;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
}

const toDocument = (r: RawDocument): DocumentRow => ({
  id: r.id,
  caseId: r.case_id,
  seq: r.seq,
  fileName: r.file_name,
  mime: r.mime,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  pageCount: r.page_count,
  uploadedBy: r.uploaded_by,
  uploadedByName: r.uploaded_by_name,
  uploadedAt: r.uploaded_at,
  kind: r.kind,
  kindSource: r.kind_source,
  kindScore: r.kind_score,
  ocrStatus: r.ocr_status,
  ocrError: ocrFailureOf(r.ocr_error),
  ocrMs: r.ocr_ms,
  ocrFinishedAt: r.ocr_finished_at,
  origin: r.origin,
  awaitingFile: r.awaiting_file === 1,
});

/** Documents with whether their file is still on the server only. */
const DOCS = 'SELECT d.*, EXISTS (SELECT 1 FROM document_fetches f WHERE f.document_id = d.id) AS awaiting_file FROM documents d';

const toField = (r: RawField): FieldRow => ({
  documentId: r.document_id,
  field: r.field,
  ord: r.ord,
  ocrRaw: r.ocr_raw,
  ocrValue: r.ocr_value,
  ocrConfidence: r.ocr_confidence,
  ocrProblems: JSON.parse(r.ocr_problems) as string[],
  ocrSource: r.ocr_source,
  pageNo: r.page_no,
  bbox: r.bbox ? (JSON.parse(r.bbox) as OcrBox) : null,
  value: r.value,
  status: r.status,
  reviewedBy: r.reviewed_by,
  reviewedByName: r.reviewed_by_name,
  reviewedAt: r.reviewed_at,
});

/** Prepared statements and row mapping for documents, their pages and fields, and the blob registry. */
export class DocumentRepo {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insertBlob: db.prepare('INSERT OR IGNORE INTO blobs (sha256, size_bytes, mime, created_at) VALUES (?, ?, ?, ?)'),
      blobReferenced: db.prepare<[string, string], { n: number }>(
        'SELECT (SELECT count(*) FROM documents WHERE sha256 = ?) + (SELECT count(*) FROM document_pages WHERE sha256 = ?) AS n',
      ),
      insertDocument: db.prepare(
        `INSERT INTO documents (id, case_id, seq, file_name, mime, size_bytes, sha256, page_count, uploaded_by, uploaded_by_name,
           uploaded_at, kind, kind_source, ocr_status, origin)
         VALUES (@id, @caseId, @seq, @fileName, @mime, @sizeBytes, @sha256, @pageCount, @uploadedBy, @uploadedByName,
           @uploadedAt, 'other', 'detected', 'queued', @origin)`,
      ),
      nextSeq: db.prepare<[string], { n: number }>('SELECT coalesce(max(seq), 0) + 1 AS n FROM documents WHERE case_id = ?'),
      insertPage: db.prepare('INSERT INTO document_pages (document_id, page_no, sha256, mime, width, height) VALUES (?, ?, ?, ?, ?, ?)'),
      byId: db.prepare<[string], RawDocument>(`${DOCS} WHERE d.id = ?`),
      byCase: db.prepare<[string], RawDocument>(`${DOCS} WHERE d.case_id = ? ORDER BY d.seq`),
      byCaseAndSha: db.prepare<[string, string], RawDocument>(`${DOCS} WHERE d.case_id = ? AND d.sha256 = ?`),
      localInCase: db.prepare<[string], number>("SELECT 1 FROM documents WHERE case_id = ? AND origin = 'local' LIMIT 1").pluck(),
      // A document whose file is still on the server is recognised once the file is here, not before.
      pending: db.prepare<[], RawDocument>(
        `${DOCS} WHERE d.ocr_status IN ('queued', 'running') AND NOT EXISTS (SELECT 1 FROM document_fetches f WHERE f.document_id = d.id)
         ORDER BY d.uploaded_at, d.seq`,
      ),
      pages: db.prepare<[string], PageRow>(
        'SELECT document_id AS documentId, page_no AS pageNo, sha256, mime, width, height FROM document_pages WHERE document_id = ? ORDER BY page_no',
      ),
      page: db.prepare<[string, number], PageRow>(
        'SELECT document_id AS documentId, page_no AS pageNo, sha256, mime, width, height FROM document_pages WHERE document_id = ? AND page_no = ?',
      ),
      setPageOcr: db.prepare('UPDATE document_pages SET ocr = ? WHERE document_id = ? AND page_no = ?'),
      pageOcr: db.prepare<[string], { page_no: number; ocr: string | null }>('SELECT page_no, ocr FROM document_pages WHERE document_id = ? ORDER BY page_no'),
      fields: db.prepare<[string], RawField>('SELECT * FROM document_fields WHERE document_id = ? ORDER BY ord'),
      field: db.prepare<[string, string], RawField>('SELECT * FROM document_fields WHERE document_id = ? AND field = ?'),
      deleteFields: db.prepare('DELETE FROM document_fields WHERE document_id = ?'),
      insertField: db.prepare(
        `INSERT INTO document_fields (document_id, field, ord, ocr_raw, ocr_value, ocr_confidence, ocr_problems, ocr_source, page_no, bbox,
           value, status)
         VALUES (@documentId, @field, @ord, @ocrRaw, @ocrValue, @ocrConfidence, @ocrProblems, @ocrSource, @pageNo, @bbox, @value, 'recognised')`,
      ),
      reviewField: db.prepare(
        `UPDATE document_fields SET value = @value, status = @status, reviewed_by = @by, reviewed_by_name = @byName, reviewed_at = @at
         WHERE document_id = @documentId AND field = @field`,
      ),
      setStatus: db.prepare('UPDATE documents SET ocr_status = ?, ocr_error = ? WHERE id = ?'),
      setResult: db.prepare(
        `UPDATE documents SET ocr_status = 'done', ocr_error = NULL, kind = @kind, kind_score = @kindScore, ocr_ms = @ms, ocr_finished_at = @at
         WHERE id = @id`,
      ),
      setKind: db.prepare("UPDATE documents SET kind = ?, kind_source = 'clerk', kind_score = 1, ocr_status = 'queued' WHERE id = ?"),
      demoDone: db.prepare<[string], { case_id: string }>('SELECT case_id FROM demo_documents WHERE case_id = ?'),
      markDemo: db.prepare('INSERT OR IGNORE INTO demo_documents (case_id, generated_at) VALUES (?, ?)'),
      insertRemoteReview: db.prepare(
        `INSERT OR IGNORE INTO document_remote_reviews (command_id, document_id, field, action, value, masked, actor_id, actor_name, at, kind)
         VALUES (@commandId, @documentId, @field, @action, @value, @masked, @actorId, @actorName, @at, @kind)`,
      ),
      // Those made on a reading of the kind the document has now.
      remoteReviews: db.prepare<[string], Omit<RemoteReview, 'masked'> & { masked: number }>(
        `SELECT command_id AS commandId, document_id AS documentId, field, action, value, masked, actor_id AS actorId, actor_name AS actorName, at, kind
         FROM document_remote_reviews r WHERE document_id = ? AND (kind IS NULL OR kind = (SELECT d.kind FROM documents d WHERE d.id = r.document_id))
         ORDER BY at, rowid`,
      ),
      dropRemoteReviews: db.prepare('DELETE FROM document_remote_reviews WHERE document_id = ? AND at <= ?'),
      keepFieldBefore: db.prepare('UPDATE outbox SET field_before = ? WHERE command_id = ?'),
      fieldUndo: db.prepare<[string], { seq: number; case_id: string; field_before: string }>(
        'SELECT seq, case_id, field_before FROM outbox WHERE command_id = ? AND field_before IS NOT NULL',
      ),
      laterFieldUndos: db.prepare<[string, number], { command_id: string; field_before: string }>(
        'SELECT command_id, field_before FROM outbox WHERE case_id = ? AND seq > ? AND field_before IS NOT NULL ORDER BY seq',
      ),
      // In this order (references first); a file another document here has too still goes to the server.
      removeDocument: [
        db.prepare('DELETE FROM document_fields WHERE document_id = ?'),
        db.prepare('DELETE FROM document_pages WHERE document_id = ?'),
        db.prepare('DELETE FROM document_fetches WHERE document_id = ?'),
        db.prepare('DELETE FROM document_remote_reviews WHERE document_id = ?'),
        // The file's upload (one per file, whichever document queued it) unless another document here has it.
        db.prepare(
          `WITH doc AS (SELECT id, sha256 FROM documents WHERE id = ?)
           DELETE FROM document_uploads WHERE sent_at IS NULL AND sha256 = (SELECT sha256 FROM doc)
             AND NOT EXISTS (SELECT 1 FROM documents d, doc WHERE d.sha256 = doc.sha256 AND d.id <> doc.id)`,
        ),
        db.prepare('DELETE FROM documents WHERE id = ?'),
      ],
    };
  }

  /**
   * Takes a document away with its pages, fields, reviews, fetch and unsent upload: one this desktop added
   * whose adding the server refused. The files stay in the blob store (content-addressed: the same file
   * added again finds them).
   */
  remove(documentId: string): void {
    for (const stmt of this.s.removeDocument) stmt.run(documentId);
  }

  addBlob(sha256: string, sizeBytes: number, mime: string, at: string): void {
    this.s.insertBlob.run(sha256, sizeBytes, mime, at);
  }

  isBlobReferenced(sha256: string): boolean {
    return this.s.blobReferenced.get(sha256, sha256)!.n > 0;
  }

  nextSeq(caseId: string): number {
    return this.s.nextSeq.get(caseId)!.n;
  }

  insertDocument(
    d: Pick<DocumentRow, 'id' | 'caseId' | 'seq' | 'fileName' | 'mime' | 'sizeBytes' | 'sha256' | 'pageCount' | 'uploadedBy' | 'uploadedByName' | 'uploadedAt'> & {
      origin?: DocumentRow['origin'];
    },
  ): void {
    this.s.insertDocument.run({ origin: 'local', ...d });
  }

  /** Whether the case has a document added on this desktop (or made here for a demo case). */
  hasLocalDocuments(caseId: string): boolean {
    return this.s.localInCase.get(caseId) !== undefined;
  }

  insertPage(p: PageRow): void {
    this.s.insertPage.run(p.documentId, p.pageNo, p.sha256, p.mime, p.width, p.height);
  }

  get(id: string): DocumentRow | null {
    const r = this.s.byId.get(id);
    return r ? toDocument(r) : null;
  }

  forCase(caseId: string): DocumentRow[] {
    return this.s.byCase.all(caseId).map(toDocument);
  }

  findInCase(caseId: string, sha256: string): DocumentRow | null {
    const r = this.s.byCaseAndSha.get(caseId, sha256);
    return r ? toDocument(r) : null;
  }

  /** Documents whose recognition was queued or running when the host stopped. */
  pending(): DocumentRow[] {
    return this.s.pending.all().map(toDocument);
  }

  pages(documentId: string): PageRow[] {
    return this.s.pages.all(documentId);
  }

  page(documentId: string, pageNo: number): PageRow | null {
    return this.s.page.get(documentId, pageNo) ?? null;
  }

  fields(documentId: string): FieldRow[] {
    return this.s.fields.all(documentId).map(toField);
  }

  field(documentId: string, field: string): FieldRow | null {
    const r = this.s.field.get(documentId, field);
    return r ? toField(r) : null;
  }

  ocrPages(documentId: string): OcrPage[] {
    return this.s.pageOcr.all(documentId).flatMap((r) => (r.ocr ? [JSON.parse(r.ocr) as OcrPage] : []));
  }

  setStatus(id: string, status: OcrStatus, error: OcrFailure | null = null): void {
    this.s.setStatus.run(status, error && JSON.stringify(error), id);
  }

  /** Stores a finished recognition: page results, the kind, and fresh fields (earlier reviews are replaced). */
  saveRecognition(id: string, r: { kind: DocumentKind; kindScore: number; pages: OcrPage[]; fields: ExtractedField[]; ms: number; at: string }): void {
    this.db.transaction(() => {
      r.pages.forEach((p, i) => this.s.setPageOcr.run(JSON.stringify(p), id, i + 1));
      this.s.setResult.run({ id, kind: r.kind, kindScore: r.kindScore, ms: r.ms, at: r.at });
      this.s.deleteFields.run(id);
      r.fields.forEach((f, ord) =>
        this.s.insertField.run({
          documentId: id,
          field: f.key,
          ord,
          ocrRaw: f.raw,
          ocrValue: f.value,
          ocrConfidence: f.confidence,
          ocrProblems: JSON.stringify(f.problems),
          ocrSource: f.source,
          pageNo: f.page + 1,
          bbox: f.bbox ? JSON.stringify(f.bbox) : null,
          value: f.value,
        }),
      );
      // Reviews made on other desktops apply to this desktop's reading of the same file.
      this.applyRemoteReviews(id);
    })();
  }

  reviewField(documentId: string, field: string, value: string, status: FieldStatus, by: { id: string; name: string }, at: string): void {
    this.s.reviewField.run({ documentId, field, value, status, by: by.id, byName: by.name, at });
  }

  /** A field back as it was before a review (one the server refused). */
  restoreField(documentId: string, field: string, to: FieldState): void {
    this.s.reviewField.run({ documentId, field, value: to.value, status: to.status, by: to.reviewedBy, byName: to.reviewedByName, at: to.reviewedAt });
  }

  /** Kept with the review's waiting command, to undo the review if the server refuses the command. */
  keepFieldBefore(commandId: string, undo: FieldUndo): void {
    this.s.keepFieldBefore.run(JSON.stringify(undo), commandId);
  }

  /**
   * What a waiting review command changed, and the first later waiting review of the same field. A copy that
   * does not read (it never should) is passed over: it must not stop the answers of the push it came with.
   */
  fieldUndo(commandId: string): { undo: FieldUndo; caseId: string; seq: number; later: { commandId: string; undo: FieldUndo } | null } | null {
    const row = this.s.fieldUndo.get(commandId);
    const undo = row ? jsonAs(FieldUndoSchema, row.field_before) : null;
    if (!row || !undo) return null;
    const found = { undo, caseId: row.case_id, seq: row.seq };
    for (const r of this.s.laterFieldUndos.all(row.case_id, row.seq)) {
      const u = jsonAs(FieldUndoSchema, r.field_before);
      if (u && u.documentId === undo.documentId && u.field === undo.field) return { ...found, later: { commandId: r.command_id, undo: u } };
    }
    return { ...found, later: null };
  }

  /** The clerk's kind; recognition runs again for it. */
  setKind(id: string, kind: DocumentKind): void {
    this.s.setKind.run(kind, id);
  }

  /** Keeps a review made on another desktop; false if it was kept before (the same command). */
  addRemoteReview(r: RemoteReview): boolean {
    return this.s.insertRemoteReview.run({ ...r, masked: r.masked ? 1 : 0 }).changes > 0;
  }

  /** The kind was changed (here or elsewhere) at `at`: reviews up to then were of the old reading. */
  dropRemoteReviews(documentId: string, at: string): void {
    this.s.dropRemoteReviews.run(documentId, at);
  }

  /**
   * Applies the other desktops' reviews of a document to its recognised fields, oldest first: those made on
   * a reading of the kind it has now. A field
   * reviewed here later than a review from elsewhere keeps this desktop's review. An identity number or
   * credit code comes in full with its change; one that came masked only (from a server before that) can
   * only confirm the value read here when it masks alike, and a masked correction cannot be applied.
   */
  applyRemoteReviews(documentId: string): void {
    for (const raw of this.s.remoteReviews.all(documentId)) {
      const field = this.field(documentId, raw.field);
      if (!field || (field.reviewedAt !== null && field.reviewedAt >= raw.at)) continue;
      let value = raw.value;
      if (raw.masked === 1) {
        if (raw.action !== 'confirm' || maskIdentifier(field.value) !== raw.value) continue;
        value = field.value;
      }
      const status: FieldStatus = value === field.ocrValue ? 'confirmed' : 'corrected';
      this.reviewField(documentId, raw.field, value, status, { id: raw.actorId, name: raw.actorName }, raw.at);
    }
  }

  demoGenerated(caseId: string): boolean {
    return this.s.demoDone.get(caseId) !== undefined;
  }

  markDemoGenerated(caseId: string, at: string): void {
    this.s.markDemo.run(caseId, at);
  }
}
