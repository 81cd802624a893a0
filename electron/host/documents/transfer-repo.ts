import type { Db } from '../db/database';

export interface WaitingUpload {
  sha256: string;
  documentId: string;
  userId: string;
  attempts: number;
}

/** The SQL of document files travelling to and from the central server (tables of migration 0130). */
export class TransferRepo {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      queueUpload: db.prepare('INSERT OR IGNORE INTO document_uploads (sha256, document_id, user_id, queued_at) VALUES (?, ?, ?, ?)'),
      waitingUploads: db.prepare<[number], WaitingUpload>(
        `SELECT sha256, document_id AS documentId, user_id AS userId, attempts FROM document_uploads WHERE sent_at IS NULL
         ORDER BY queued_at, rowid LIMIT ?`,
      ),
      uploadCount: db.prepare<[], number>('SELECT count(*) FROM document_uploads WHERE sent_at IS NULL').pluck(),
      uploadSent: db.prepare('UPDATE document_uploads SET sent_at = ?, last_error = NULL WHERE sha256 = ?'),
      uploadFailed: db.prepare('UPDATE document_uploads SET attempts = attempts + 1, last_error = ? WHERE sha256 = ?'),
      awaitFile: db.prepare('INSERT OR IGNORE INTO document_fetches (document_id) VALUES (?)'),
      fetchFailed: db.prepare('UPDATE document_fetches SET attempts = attempts + 1, last_error = ? WHERE document_id = ?'),
      fetched: db.prepare('DELETE FROM document_fetches WHERE document_id = ?'),
    };
  }

  /** The file must reach the server; once it is queued (or sent), the same bytes are not queued again. */
  queueUpload(sha256: string, documentId: string, userId: string, at: string): void {
    this.s.queueUpload.run(sha256, documentId, userId, at);
  }

  waitingUploads(limit = 100): WaitingUpload[] {
    return this.s.waitingUploads.all(limit);
  }

  uploadsWaiting(): number {
    return this.s.uploadCount.get()!;
  }

  uploadSent(sha256: string, at: string): void {
    this.s.uploadSent.run(at, sha256);
  }

  uploadFailed(sha256: string, error: string): void {
    this.s.uploadFailed.run(error, sha256);
  }

  awaitFile(documentId: string): void {
    this.s.awaitFile.run(documentId);
  }

  fetchFailed(documentId: string, error: string): void {
    this.s.fetchFailed.run(error, documentId);
  }

  fetched(documentId: string): void {
    this.s.fetched.run(documentId);
  }
}
