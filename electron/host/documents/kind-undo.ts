import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../../shared/documents/kinds';
import { jsonAs } from '../../../shared/validators/json-as';
import type { Db } from '../db/database';
import { sameReview, type FieldState } from './document-repo';

/** document_fields and document_remote_reviews rows, as stored. */
const FieldRowSchema = z.object({
  document_id: z.string(),
  field: z.string(),
  ord: z.number().int(),
  ocr_raw: z.string(),
  ocr_value: z.string(),
  ocr_confidence: z.number(),
  ocr_problems: z.string(),
  ocr_source: z.enum(['ocr', 'reread']),
  page_no: z.number().int(),
  bbox: z.string().nullable(),
  value: z.string(),
  status: z.enum(['recognised', 'confirmed', 'corrected']),
  reviewed_by: z.string().nullable(),
  reviewed_by_name: z.string().nullable(),
  reviewed_at: z.string().nullable(),
});
const RemoteReviewRowSchema = z.object({
  command_id: z.string(),
  document_id: z.string(),
  field: z.string(),
  action: z.enum(['confirm', 'correct']),
  value: z.string(),
  masked: z.number().int(),
  actor_id: z.string(),
  actor_name: z.string(),
  at: z.string(),
  // Absent from a row kept before 0650.
  kind: z.enum(DOCUMENT_KINDS).nullable().default(null),
});
const DocumentStateSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  kind_source: z.enum(['detected', 'clerk']),
  kind_score: z.number().nullable(),
  ocr_status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  ocr_error: z.string().nullable(),
  ocr_ms: z.number().nullable(),
  ocr_finished_at: z.string().nullable(),
  fields: z.array(FieldRowSchema),
  remoteReviews: z.array(RemoteReviewRowSchema),
});
const KindUndoSchema = z.object({ documentId: z.string(), wrote: z.enum(DOCUMENT_KINDS), before: DocumentStateSchema });

/** A document's kind and reading as a waiting kind change found it, and the kind it set. */
export type KindUndo = z.infer<typeof KindUndoSchema>;
type DocumentState = KindUndo['before'];

/**
 * The copies that let a refused kind change (outbox.document_before, 0640) be undone on this desktop: the
 * document's kind, its reading with every review on it, and the other desktops' reviews of that reading,
 * which the kind change dropped. Restoring puts all of it back as it was; the file is not read again.
 */
export class KindUndoStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      document: db.prepare<[string], Omit<DocumentState, 'fields' | 'remoteReviews'>>(
        'SELECT kind, kind_source, kind_score, ocr_status, ocr_error, ocr_ms, ocr_finished_at FROM documents WHERE id = ?',
      ),
      fields: db.prepare<[string], z.infer<typeof FieldRowSchema>>('SELECT * FROM document_fields WHERE document_id = ? ORDER BY ord'),
      remoteReviews: db.prepare<[string], z.infer<typeof RemoteReviewRowSchema>>('SELECT * FROM document_remote_reviews WHERE document_id = ? ORDER BY rowid'),
      keep: db.prepare('UPDATE outbox SET document_before = ? WHERE command_id = ?'),
      undo: db.prepare<[string], { seq: number; case_id: string; document_before: string }>(
        'SELECT seq, case_id, document_before FROM outbox WHERE command_id = ? AND document_before IS NOT NULL',
      ),
      later: db.prepare<[string, number], { command_id: string; document_before: string }>(
        'SELECT command_id, document_before FROM outbox WHERE case_id = ? AND seq > ? AND document_before IS NOT NULL ORDER BY seq',
      ),
      forget: db.prepare("UPDATE outbox SET document_before = NULL WHERE document_before IS NOT NULL AND json_extract(document_before, '$.documentId') = ?"),
      restore: db.prepare(
        `UPDATE documents SET kind = @kind, kind_source = @kind_source, kind_score = @kind_score, ocr_status = @ocr_status, ocr_error = @ocr_error,
           ocr_ms = @ocr_ms, ocr_finished_at = @ocr_finished_at WHERE id = @id`,
      ),
      deleteFields: db.prepare('DELETE FROM document_fields WHERE document_id = ?'),
      insertField: db.prepare(
        `INSERT INTO document_fields (document_id, field, ord, ocr_raw, ocr_value, ocr_confidence, ocr_problems, ocr_source, page_no, bbox,
           value, status, reviewed_by, reviewed_by_name, reviewed_at)
         VALUES (@document_id, @field, @ord, @ocr_raw, @ocr_value, @ocr_confidence, @ocr_problems, @ocr_source, @page_no, @bbox,
           @value, @status, @reviewed_by, @reviewed_by_name, @reviewed_at)`,
      ),
      insertRemoteReview: db.prepare(
        `INSERT OR IGNORE INTO document_remote_reviews (command_id, document_id, field, action, value, masked, actor_id, actor_name, at, kind)
         VALUES (@command_id, @document_id, @field, @action, @value, @masked, @actor_id, @actor_name, @at, @kind)`,
      ),
    };
  }

  /** The document as it is now, before a kind change; null when it is not here. */
  snapshot(documentId: string): DocumentState | null {
    const d = this.s.document.get(documentId);
    return d ? { ...d, fields: this.s.fields.all(documentId), remoteReviews: this.s.remoteReviews.all(documentId) } : null;
  }

  /** Kept with the kind change's waiting command, to undo it if the server refuses the command. */
  keep(commandId: string, undo: KindUndo): void {
    this.s.keep.run(JSON.stringify(undo), commandId);
  }

  /**
   * What a waiting kind change did, and the first later waiting kind change of the same document. A copy that
   * does not read is passed over: it must not stop the answers of the push it came with.
   */
  find(commandId: string): { undo: KindUndo; later: { commandId: string; undo: KindUndo } | null } | null {
    const row = this.s.undo.get(commandId);
    const undo = row ? jsonAs(KindUndoSchema, row.document_before) : null;
    if (!row || !undo) return null;
    const later = this.laterOf(row.case_id, row.seq).find((l) => l.undo.documentId === undo.documentId) ?? null;
    return { undo, later };
  }

  /**
   * A refused review of a field (waiting at `seq`) is undone in the copies of later waiting kind changes of
   * its document too: they hold the field as the review left it, and undoing one of them must not bring
   * the refused review back.
   */
  reviewUndone(caseId: string, seq: number, documentId: string, field: string, wrote: FieldState, before: FieldState): void {
    for (const l of this.laterOf(caseId, seq)) {
      if (l.undo.documentId !== documentId) continue;
      const f = l.undo.before.fields.find((r) => r.field === field);
      if (!f || !sameReview({ value: f.value, status: f.status, reviewedBy: f.reviewed_by, reviewedByName: f.reviewed_by_name, reviewedAt: f.reviewed_at }, wrote)) continue;
      Object.assign(f, { value: before.value, status: before.status, reviewed_by: before.reviewedBy, reviewed_by_name: before.reviewedByName, reviewed_at: before.reviewedAt });
      this.keep(l.commandId, l.undo);
    }
  }

  /** Another desktop's kind change of the document came: it holds the document now, whatever ours do. */
  forget(documentId: string): void {
    this.s.forget.run(documentId);
  }

  /** Puts the document back as the copy has it: kind, reading and reviews, and the other desktops' reviews. */
  restore(documentId: string, before: DocumentState): void {
    const { fields, remoteReviews, ...document } = before;
    // A reading that was running then is not running now: it is queued again by the caller.
    this.s.restore.run({ id: documentId, ...document, ocr_status: document.ocr_status === 'running' ? 'queued' : document.ocr_status });
    this.s.deleteFields.run(documentId);
    for (const f of fields) this.s.insertField.run(f);
    for (const r of remoteReviews) this.s.insertRemoteReview.run(r);
  }

  private laterOf(caseId: string, seq: number): { commandId: string; undo: KindUndo }[] {
    return this.s.later.all(caseId, seq).flatMap((r) => {
      const undo = jsonAs(KindUndoSchema, r.document_before);
      return undo ? [{ commandId: r.command_id, undo }] : [];
    });
  }
}
