import type { Migration } from './index';

/**
 * Contract numbers (branch + year + sequence): one sequence row per branch and year, incremented in the
 * transaction that gives a case its number, and the number each case got. A case keeps its number across
 * regenerated versions; UNIQUE constraints make a duplicate number impossible, not just unlikely.
 */
export const m0200CreateContractNumbers: Migration = {
  version: 200,
  name: 'create-contract-numbers',
  up(db) {
    db.exec(`
      CREATE TABLE contract_sequences (
        branch_code TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_seq INTEGER NOT NULL CHECK (last_seq > 0),
        PRIMARY KEY (branch_code, year)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE contracts (
        case_id TEXT PRIMARY KEY REFERENCES cases(id),
        contract_no TEXT NOT NULL UNIQUE,
        branch_code TEXT NOT NULL,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        assigned_at TEXT NOT NULL,
        assigned_by TEXT NOT NULL,
        UNIQUE (branch_code, year, seq)
      ) STRICT;
    `);
  },
};
