import type { Migration } from './index';

/**
 * Documents of a case (DESIGN §6). The files themselves live in the content-addressed store on disk
 * (documents/ab/cd/<sha256>); `blobs` lists what the store holds so an integrity check knows what to expect.
 * A document is one uploaded file; its pages are images (a PDF's pages rendered), each with its OCR result;
 * its fields are what was read, and what the clerk confirmed or corrected.
 */
export const m0100CreateDocuments: Migration = {
  version: 100,
  name: 'create-documents',
  up(db) {
    db.exec(`
      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        size_bytes INTEGER NOT NULL,
        mime TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        seq INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        sha256 TEXT NOT NULL REFERENCES blobs (sha256),
        page_count INTEGER NOT NULL,
        uploaded_by TEXT NOT NULL,
        uploaded_by_name TEXT NOT NULL,
        uploaded_at TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'other',
        kind_source TEXT NOT NULL DEFAULT 'detected' CHECK (kind_source IN ('detected', 'clerk')),
        kind_score REAL,
        ocr_status TEXT NOT NULL CHECK (ocr_status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        ocr_error TEXT,
        ocr_ms INTEGER,
        ocr_finished_at TEXT,
        UNIQUE (case_id, sha256),
        UNIQUE (case_id, seq)
      ) STRICT;
      CREATE INDEX documents_status ON documents (ocr_status) WHERE ocr_status IN ('queued', 'running');

      CREATE TABLE document_pages (
        document_id TEXT NOT NULL REFERENCES documents (id),
        page_no INTEGER NOT NULL,
        sha256 TEXT NOT NULL REFERENCES blobs (sha256),
        mime TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        ocr TEXT,
        PRIMARY KEY (document_id, page_no)
      ) STRICT;

      CREATE TABLE document_fields (
        document_id TEXT NOT NULL REFERENCES documents (id),
        field TEXT NOT NULL,
        ord INTEGER NOT NULL,
        ocr_raw TEXT NOT NULL,
        ocr_value TEXT NOT NULL,
        ocr_confidence REAL NOT NULL,
        ocr_problems TEXT NOT NULL,
        ocr_source TEXT NOT NULL,
        page_no INTEGER NOT NULL,
        bbox TEXT,
        value TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('recognised', 'confirmed', 'corrected')),
        reviewed_by TEXT,
        reviewed_by_name TEXT,
        reviewed_at TEXT,
        PRIMARY KEY (document_id, field)
      ) STRICT;
    `);
  },
};
