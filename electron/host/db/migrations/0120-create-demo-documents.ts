import type { Migration } from './index';

/** Demo cases whose documents were generated (on first request), so generation happens once per case. */
export const m0120CreateDemoDocuments: Migration = {
  version: 120,
  name: 'create-demo-documents',
  up(db) {
    db.exec(`
      CREATE TABLE demo_documents (
        case_id TEXT PRIMARY KEY REFERENCES cases (id),
        generated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
