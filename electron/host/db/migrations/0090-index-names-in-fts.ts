import { caseNameTokens } from '../../store/name-grams';
import type { Migration } from './index';

/**
 * Name search's pieces move from one B-tree row per piece (`name_bigrams`, 0060) to one FTS5 row per case:
 * FTS5 buffers a transaction's postings and writes them at commit as one segment, where the B-tree took ten
 * random inserts per case — a sixth of a fresh desktop's CPU while it catches up with the server. The table
 * is contentless (names live in `cases`) and keeps no positions or sizes: search only asks which cases hold a
 * piece (queue-query.ts). Cases are never deleted or renamed, which a contentless table could not follow.
 */
export const m0090IndexNamesInFts: Migration = {
  version: 90,
  name: 'index-names-in-fts',
  up(db) {
    db.exec(`CREATE VIRTUAL TABLE name_grams USING fts5(grams, content='', detail=none, columnsize=0, tokenize='ascii')`);
    const insert = db.prepare<[number | bigint, string]>('INSERT INTO name_grams (rowid, grams) VALUES (?, ?)');
    const cases = db.prepare<[], { rowid: number; customer_name: string; applicant_name: string }>('SELECT rowid, customer_name, applicant_name FROM cases');
    for (const c of cases.all()) insert.run(c.rowid, caseNameTokens(c.customer_name, c.applicant_name));
    db.exec('DROP TABLE name_bigrams');
  },
};
