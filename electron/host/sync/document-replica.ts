import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../../shared/documents/kinds';
import { fieldDef, isSensitiveField } from '../../../shared/documents/fields';
import type { ChangeBody } from '../../../shared/sync/protocol';
import { jsonAs } from '../../../shared/validators/json-as';
import type { Db } from '../db/database';
import { sameReview } from '../documents/document-repo';
import type { DocumentService } from '../documents/document-service';
import { log } from '../log';
import type { CaseRepo } from '../store/case-repo';

type ChangeEvent = ChangeBody['events'][number];

/** The details of the documents' audit entries (shared/commands/documents.ts), as far as a replica needs them. */
const Added = z.object({
  documentId: z.string().regex(/^d-[A-Za-z0-9_-]{1,60}$/),
  fileName: z.string().min(1).max(200),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mime: z.string().min(1).max(100),
  sizeBytes: z.number().int().min(1),
  pages: z.number().int().min(1),
});
const Field = z.object({ documentId: z.string(), kind: z.enum(DOCUMENT_KINDS), field: z.string().min(1).max(40), value: z.string().max(500) });
const KindSet = z.object({ documentId: z.string(), kind: z.enum(DOCUMENT_KINDS) });

const AddedPayload = z.object({ documentId: z.string() });

const details = <T>(schema: z.ZodType<T>, e: ChangeEvent): T | null => jsonAs(schema, e.details);


const DOCUMENT_ACTIONS = new Set(['documentAdded', 'documentFieldConfirmed', 'documentFieldCorrected', 'documentKindSet']);

/**
 * What a synced desktop keeps of the documents other desktops added and reviewed, from their audit entries
 * in the change feed: a `documentAdded` becomes a document here whose file is fetched from the server when
 * the case is opened; a confirmed or corrected field is kept and applied to this desktop's own recognition
 * of the file (now if it has finished, else when it does); a corrected kind is set and the file read again.
 * A change this desktop made itself (its command id is in the outbox) is skipped: the store has it all.
 * Runs inside the pull's transaction, after the change's case is stored.
 */
export class DocumentReplica {
  private readonly ownStmt;
  /** The documents other desktops added to a case and the kinds they set, from its trail (this desktop's own commands are in the outbox). */
  private readonly othersAddedStmt;

  constructor(
    private readonly db: Db,
    private readonly documents: DocumentService,
    private readonly cases: CaseRepo,
  ) {
    this.ownStmt = db.prepare<[string], number>('SELECT 1 FROM outbox WHERE command_id = ?').pluck();
    this.othersAddedStmt = db.prepare<[string], ChangeEvent>(
      `SELECT action, at, actor_id AS actorId, actor_name AS actorName, from_state AS fromState, to_state AS toState, details FROM audit
       WHERE case_id = ? AND action IN ('documentAdded', 'documentKindSet') AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.command_id = audit.command_id)
       ORDER BY seq`,
    );
  }

  apply(change: ChangeBody): void {
    // Most changes are not about documents: no SQL for them (a fresh desktop pulls thousands).
    if (!change.events.some((e) => DOCUMENT_ACTIONS.has(e.action))) return;
    if (this.ownStmt.get(change.commandId) !== undefined) return;
    for (const e of change.events) {
      if (e.action === 'documentAdded') this.added(change, e);
      else if (e.action === 'documentKindSet') this.kindSet(e);
      else if (DOCUMENT_ACTIONS.has(e.action)) this.reviewed(change, e);
    }
  }

  private added(change: ChangeBody, e: ChangeEvent): void {
    const d = details(Added, e);
    if (!d) return log.error('sync', `documentAdded of case ${change.caseId} has unreadable details; skipped`);
    // The case is stored before this runs; without it (never pulled) there is nothing to attach to.
    if (this.cases.version(change.caseId) === null) return;
    this.documents.transfer.learn({ caseId: change.caseId, ...d, uploadedBy: e.actorId, uploadedByName: e.actorName, uploadedAt: e.at });
  }

  private reviewed(change: ChangeBody, e: ChangeEvent): void {
    const d = details(Field, e);
    if (!d) return;
    // Kept even for a document not here yet (a demo document this desktop makes when the case is opened).
    const doc = this.documents.repo.get(d.documentId);
    // An identity number comes in full beside its masked audit entry; one from an older server comes masked
    // only (by the kind the reviewing desktop had: it masked by that).
    const full = change.identityValue?.documentId === d.documentId && change.identityValue.field === d.field ? change.identityValue.value : null;
    const def = fieldDef(d.kind, d.field);
    const kept = this.documents.repo.addRemoteReview({
      commandId: change.commandId,
      documentId: d.documentId,
      field: d.field,
      action: e.action === 'documentFieldConfirmed' ? 'confirm' : 'correct',
      value: full ?? d.value,
      masked: full === null && (def ? isSensitiveField(def.type) : false),
      actorId: e.actorId,
      actorName: e.actorName,
      at: e.at,
      kind: d.kind,
    });
    if (kept && doc?.ocrStatus === 'done') this.documents.repo.applyRemoteReviews(d.documentId);
  }

  /**
   * The server refused a command of this desktop's: what the command did here besides the case (which the
   * pusher rolls back) is undone too.
   */
  refused(cmd: { commandId: string; command: string; payload: string }): void {
    if (cmd.command === 'addDocument') this.addingRefused(cmd.payload);
    else if (cmd.command === 'reviewDocument') {
      // A review command either reviews a field or sets the kind: one of the two finds its copy.
      this.reviewRefused(cmd.commandId);
      this.kindRefused(cmd.commandId);
    }
  }

  /**
   * A document added with it (optimistically, here only) is taken away again, its recognition stopped and its
   * file no longer sent. Another desktop's document of the same file in the case, passed over while this one
   * was here (a case keeps one document per file), is learnt now from the case's trail: the feed does not
   * bring it again.
   */
  private addingRefused(payload: string): void {
    const id = jsonAs(AddedPayload, payload)?.documentId;
    const doc = id ? this.documents.repo.get(id) : null;
    if (!doc || doc.origin !== 'local') return;
    this.documents.ocr.withdraw(doc.id);
    this.documents.repo.remove(doc.id);
    const trail = this.othersAddedStmt.all(doc.caseId);
    for (const e of trail) {
      const d = e.action === 'documentAdded' ? details(Added, e) : null;
      if (d?.sha256 !== doc.sha256 || !this.documents.transfer.learn({ caseId: doc.caseId, ...d, uploadedBy: e.actorId, uploadedByName: e.actorName, uploadedAt: e.at })) continue;
      // Its kind corrections were passed over with it (its reviews were kept).
      for (const k of trail) if (k.action === 'documentKindSet' && details(KindSet, k)?.documentId === d.documentId) this.kindSet(k);
      return;
    }
  }

  /**
   * A field it confirmed or corrected goes back to what it was before, and the other desktops' reviews of it
   * apply again (this one had been newer). Left as it is when something newer holds it now: a later review of
   * ours the server accepted, another desktop's, a new reading. While a later review of ours of the same field
   * still waits, made on top of this one, the field shows that one; should it be refused too, the field goes
   * back to before this one. (Made on a new reading instead, it goes back to that reading.)
   */
  private reviewRefused(commandId: string): void {
    const { repo } = this.documents;
    const found = repo.fieldUndo(commandId);
    if (!found) return;
    const { undo, later } = found;
    this.documents.kindUndo.reviewUndone(found.caseId, found.seq, undo.documentId, undo.field, undo.wrote, undo.before);
    if (later) {
      if (sameReview(later.undo.before, undo.wrote)) repo.keepFieldBefore(later.commandId, { ...later.undo, before: undo.before });
      return;
    }
    const now = repo.field(undo.documentId, undo.field);
    if (!now || !sameReview(now, undo.wrote)) return;
    repo.restoreField(undo.documentId, undo.field, undo.before);
    if (repo.get(undo.documentId)?.ocrStatus === 'done') repo.applyRemoteReviews(undo.documentId);
  }

  /**
   * The document goes back to its kind and reading before the refused kind change, with the reviews on it and
   * the other desktops' reviews of it (which the change had dropped); those that came meanwhile apply too.
   * Left as it is when something newer holds it: another desktop's kind change (which forgets the copies),
   * or a later kind change of ours — should that be refused too, the document goes back to before this one.
   */
  private kindRefused(commandId: string): void {
    const { repo, ocr, kindUndo } = this.documents;
    const found = kindUndo.find(commandId);
    if (!found) return;
    const { undo, later } = found;
    if (later) {
      if (later.undo.before.kind === undo.wrote) kindUndo.keep(later.commandId, { ...later.undo, before: undo.before });
      return;
    }
    const doc = repo.get(undo.documentId);
    if (!doc || doc.kind !== undo.wrote || doc.kindSource !== 'clerk') return;
    try {
      // In a savepoint: a copy that cannot be put back leaves the document as it is, not the push's answers undone.
      this.db.transaction(() => {
        kindUndo.restore(doc.id, undo.before);
        if (undo.before.ocr_status === 'done') repo.applyRemoteReviews(doc.id);
      })();
    } catch (e) {
      return log.error('sync', `the refused kind change of document ${doc.id} could not be undone; the document is left as it is`, e);
    }
    // The reading of the refused kind (running, or about to run again) must not overwrite what was put back.
    ocr.withdraw(doc.id);
    // Not read yet when the kind was changed: it is read now, as its own kind (after the push commits).
    if (!doc.awaitingFile && (undo.before.ocr_status === 'queued' || undo.before.ocr_status === 'running')) queueMicrotask(() => void ocr.requeue(doc.id));
  }

  /** A corrected kind: set here too; the file is read again with it after the pull commits (or once fetched). */
  private kindSet(e: ChangeEvent): void {
    const { repo, ocr, kindUndo } = this.documents;
    const d = details(KindSet, e);
    const doc = d && repo.get(d.documentId);
    if (!d || !doc) return;
    kindUndo.forget(doc.id);
    repo.dropRemoteReviews(doc.id, e.at); // they were of the old reading
    if (doc.kind === d.kind && doc.kindSource === 'clerk') return;
    repo.setKind(doc.id, d.kind);
    if (!doc.awaitingFile) queueMicrotask(() => void ocr.requeue(doc.id));
  }
}
