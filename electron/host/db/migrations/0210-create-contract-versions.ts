import type { Migration } from './index';

/**
 * Every generated contract PDF, kept: the bytes once per content (sha256), and one row per version of a
 * case's contract with what it was made from (decision data and its digest, template versions). Regenerating
 * adds a version; nothing here is ever updated except `recorded_at`, set when the desk records that version
 * (recordContract) and the case becomes contracted.
 */
export const m0210CreateContractVersions: Migration = {
  version: 210,
  name: 'create-contract-versions',
  up(db) {
    db.exec(`
      CREATE TABLE contract_files (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size INTEGER NOT NULL,
        bytes BLOB NOT NULL
      ) STRICT;
      CREATE TABLE contract_versions (
        contract_no TEXT NOT NULL REFERENCES contracts(contract_no),
        version INTEGER NOT NULL CHECK (version > 0),
        case_id TEXT NOT NULL REFERENCES cases(id),
        sha256 TEXT NOT NULL REFERENCES contract_files(sha256),
        size INTEGER NOT NULL,
        pages INTEGER NOT NULL,
        documents TEXT NOT NULL,
        decision_sha256 TEXT NOT NULL,
        decision_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_by_name TEXT NOT NULL,
        recorded_at TEXT,
        PRIMARY KEY (contract_no, version)
      ) STRICT;
      CREATE INDEX contract_versions_case ON contract_versions (case_id, version);
    `);
  },
};
