import type { Migration } from './index';

/**
 * The negative list (负面清单) and its imports. Screening looks entries up by ID number, by credit code and
 * by name + birth date, each through its own index, so a case is checked in microseconds against hundreds
 * of thousands of entries. `match_key` (ID, else credit code, else name|birth date) makes a repeated entry
 * a duplicate rather than a second row.
 */
export const m0510CreateNegativeList: Migration = {
  version: 510,
  name: 'create-negative-list',
  up(db) {
    db.exec(`
      CREATE TABLE negative_list_imports (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        encoding TEXT,
        size_bytes INTEGER NOT NULL,
        total_rows INTEGER NOT NULL,
        accepted INTEGER NOT NULL,
        rejected INTEGER NOT NULL,
        fatal TEXT,
        report TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE negative_list (
        id INTEGER PRIMARY KEY,
        match_key TEXT NOT NULL UNIQUE,
        id_number TEXT,
        credit_code TEXT,
        name TEXT,
        birth_date TEXT,
        reason TEXT NOT NULL,
        source TEXT NOT NULL,
        listed_on TEXT,
        import_id INTEGER NOT NULL REFERENCES negative_list_imports(id)
      ) STRICT;
      CREATE INDEX negative_list_id_number ON negative_list (id_number) WHERE id_number IS NOT NULL;
      CREATE INDEX negative_list_credit_code ON negative_list (credit_code) WHERE credit_code IS NOT NULL;
      CREATE INDEX negative_list_name_birth ON negative_list (name, birth_date) WHERE name IS NOT NULL AND birth_date IS NOT NULL;
    `);
  },
};
