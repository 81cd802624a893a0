import type { Migration } from './index';

/**
 * Documents between synced desktops (DESIGN §9: documents by sha256, the server checks the hash).
 * - `documents.origin`: 'local' for a file added on this desktop (or a demo document made here), 'central'
 *   for one another desktop added, learnt from the change feed.
 * - `document_uploads`: files this desktop must send to the server, queued in the transaction that adds the
 *   document, so an upload is never lost; `sent_at` is set once the server has the bytes (a later document
 *   with the same bytes then sends nothing).
 * - `document_fetches`: documents learnt from the feed whose file is not here yet (their `blobs` row says
 *   what is expected); the row goes when the file has been fetched, checked and its pages made.
 * - `document_remote_reviews`: fields confirmed or corrected on another desktop, kept so that they apply to
 *   this desktop's own recognition whenever it finishes (and again if it runs again), even of a document
 *   made here later (a demo document, made when its case is first opened).
 */
export const m0130CreateDocumentSync: Migration = {
  version: 130,
  name: 'create-document-sync',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'central'));

      CREATE TABLE document_uploads (
        sha256 TEXT PRIMARY KEY REFERENCES blobs (sha256),
        document_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        queued_at TEXT NOT NULL,
        sent_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      ) STRICT;
      CREATE INDEX document_uploads_waiting ON document_uploads (queued_at) WHERE sent_at IS NULL;

      CREATE TABLE document_fetches (
        document_id TEXT PRIMARY KEY REFERENCES documents (id),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      ) STRICT;

      -- No reference to documents: a review may arrive before the document exists here (a demo document is
      -- made when its case is first opened on this desktop).
      CREATE TABLE document_remote_reviews (
        command_id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL,
        field TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('confirm', 'correct')),
        value TEXT NOT NULL,
        -- 1: an identity number or credit code, masked in the audit entry it came from
        masked INTEGER NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX document_remote_reviews_document ON document_remote_reviews (document_id, at);
    `);
  },
};
