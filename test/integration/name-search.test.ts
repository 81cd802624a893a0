import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost } from '../../electron/host/host';
import type { QueuePage } from '../../shared/api/schemas';
import { submitApplication } from './support/screening-cases';
import { tempHost, value, type TempHost } from './support/temp-host';

/**
 * Name search on a real SQLite store: the piece index (FTS5 `name_grams`) only narrows the candidates, so it
 * must never miss a case that LIKE would find — whatever the name holds — in a store built fresh and in one
 * moved over from the old bigram table by migration 0090.
 */
describe('name search', () => {
  let h: TempHost;
  let supervisor: string;
  const odd: string[] = [];
  beforeAll(async () => {
    h = await tempHost({ cases: 300 });
    supervisor = await h.login('zhouyan');
    for (const name of ['泰州(顺和)纺织', 'ABC·(贸易)商行', '𠮷野家餐饮', '顺和 纺织', '江苏X.Y.(南京)贸易']) {
      odd.push(submitApplication(h, (d) => ({ ...d, enterprise: { ...d.enterprise!, name } })).caseId);
    }
  }, 120_000);
  afterAll(() => h?.close());

  /** The cases LIKE finds, read straight from the store. */
  function likeIds(term: string): string[] {
    const db = new Database(h.dbFile, { readonly: true });
    try {
      const like = `%${term}%`;
      const rows = db.prepare('SELECT id FROM cases WHERE customer_name LIKE ? OR applicant_name LIKE ?').all(like, like) as { id: string }[];
      return rows.map((r) => r.id).sort();
    } finally {
      db.close();
    }
  }

  /** What the search box finds, through the host's API as the workbench asks it. */
  async function searched(term: string, host: Pick<TempHost['host'], 'dispatch'> = h.host, token = supervisor): Promise<string[]> {
    const page = value(await host.dispatch('queue:list', token, { queue: 'all', startRow: 0, endRow: 500, filter: { search: term } })) as QueuePage;
    expect(page.total).toBe(page.rows.length);
    return page.rows.map((r) => r.id).sort();
  }

  function someTerms(): string[] {
    const db = new Database(h.dbFile, { readonly: true });
    const names = db.prepare('SELECT customer_name, applicant_name FROM cases ORDER BY rowid LIMIT 12').all() as { customer_name: string; applicant_name: string }[];
    db.close();
    const terms = names.flatMap((n) => [n.applicant_name.slice(0, 2), n.applicant_name.slice(-2), [...n.customer_name].slice(2, 5).join('')]);
    return [...new Set([...terms, '(顺和)', '州(', 'c·(贸', '·(', 'y.(南', 'ABC', '𠮷野', '和 纺', '有限公司'])];
  }

  it('finds exactly the cases LIKE finds, names with brackets, dots, Latin letters and astral characters included', async () => {
    for (const term of someTerms()) expect(await searched(term), term).toEqual(likeIds(term));
    expect(await searched('州(')).toEqual([odd[0]]);
    expect(await searched('𠮷野')).toEqual([odd[2]]);
    // Pieces made of punctuation alone, which a tokenizer would drop, are found too.
    expect(await searched('c·(贸')).toEqual([odd[1]]);
    expect(await searched('·(')).toEqual([odd[1]]);
    expect(await searched('Y.(南')).toEqual([odd[4]]);
  });

  it('finds a case submitted after the store was built', async () => {
    const { caseId } = submitApplication(h, (d) => ({ ...d, enterprise: { ...d.enterprise!, name: '鄞州甬江鲜味食品厂' } }));
    expect(await searched('甬江鲜')).toEqual([caseId]);
  });

  it('rebuilds the index from the cases when a store made with the old bigram table is opened', async () => {
    const db = new Database(h.dbFile);
    db.exec(`DROP TABLE name_grams;
      CREATE TABLE name_bigrams (gram TEXT NOT NULL, case_rowid INTEGER NOT NULL, PRIMARY KEY (gram, case_rowid)) STRICT, WITHOUT ROWID;
      DELETE FROM schema_migrations WHERE version = 90;`);
    db.close();
    const again = createHost({ dataDir: h.dataDir, now: h.now });
    try {
      const token = (value(await again.dispatch('auth:login', null, { username: 'zhouyan', password: 'Demo@2026' })) as { token: string }).token;
      for (const term of someTerms()) expect(await searched(term, again, token), term).toEqual(likeIds(term));
      const check = new Database(h.dbFile, { readonly: true });
      expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'name_bigrams'").get()).toBeUndefined();
      check.close();
    } finally {
      again.close();
    }
  });
});
