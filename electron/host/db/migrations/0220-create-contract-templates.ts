import type { Migration } from './index';

/**
 * Contract templates as data, versioned per document type. The shipped wording (resources/templates) becomes
 * version 1 on first use; an admin's edit is saved as the next version. The newest version is used for new
 * contracts, and every contract version records which template versions it was made from.
 */
export const m0220CreateContractTemplates: Migration = {
  version: 220,
  name: 'create-contract-templates',
  up(db) {
    db.exec(`
      CREATE TABLE contract_templates (
        doc_type TEXT NOT NULL CHECK (doc_type IN ('loan', 'guarantee', 'mortgage')),
        version INTEGER NOT NULL CHECK (version > 0),
        body TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('shipped', 'admin')),
        created_at TEXT NOT NULL,
        created_by TEXT,
        created_by_name TEXT,
        PRIMARY KEY (doc_type, version)
      ) STRICT;
    `);
  },
};
