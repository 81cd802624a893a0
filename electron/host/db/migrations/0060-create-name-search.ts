import type { Migration } from './index';

/**
 * Substring search on Chinese names: every two-character piece (bigram) of a case's customer and applicant
 * name points at the case. Names are mostly two or three characters, too short for FTS5's trigram
 * tokenizer, and a LIKE '%…%' scan over 100,000 rows misses the 20 ms budget.
 */
export const m0060CreateNameSearch: Migration = {
  version: 60,
  name: 'create-name-search',
  up(db) {
    db.exec(`
      CREATE TABLE name_bigrams (
        gram TEXT NOT NULL,
        case_rowid INTEGER NOT NULL,
        PRIMARY KEY (gram, case_rowid)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
