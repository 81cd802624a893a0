import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../shared/screening/default-policy';
import { openDatabase, type Db } from '../../electron/host/db/database';
import { AuditRepo } from '../../electron/host/audit/audit-repo';
import { RuleSetRepo } from '../../electron/host/screening/rule-set-repo';

/** The screening tables as migrations 0500–0530 create them, in a real SQLite file. */
describe('screening store', () => {
  let dir: string;
  let db: Db;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cfw-screening-store-'));
    db = openDatabase(join(dir, 'workbench.sqlite'));
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with the shipped policy as version 1, and versions are immutable', () => {
    const row = db.prepare('SELECT version, policy FROM screening_rule_sets').all() as { version: number; policy: string }[];
    expect(row.map((r) => r.version)).toEqual([1]);
    expect(JSON.parse(row[0]!.policy)).toEqual(DEFAULT_POLICY);
    expect(() => db.prepare("UPDATE screening_rule_sets SET note = 'x'").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM screening_rule_sets').run()).toThrow(/immutable/);
  });

  it.each([
    ['id_number = ?', 'negative_list_id_number'],
    ['credit_code = ?', 'negative_list_credit_code'],
    ['name = ? AND birth_date = ? AND name IS NOT NULL AND birth_date IS NOT NULL', 'negative_list_name_birth'],
  ])('looks the negative list up by %s through an index', (where, index) => {
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id, reason, source, listed_on FROM negative_list WHERE ${where}`).all(...Array.from({ length: (where.match(/\?/g) ?? []).length }, () => 'x')) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain(`USING INDEX ${index}`);
  });

  it('reads a version back as the policy stored, also after an adoption that was rolled back and made again', () => {
    const rules = new RuleSetRepo(db, new AuditRepo(db), () => Date.parse('2026-11-24T02:00:00Z'));
    const v = (policy: typeof DEFAULT_POLICY, note: string) => ({ version: 7, policy, note, createdBy: 'admin', createdAt: '2026-11-24T01:00:00Z' });
    const first = { ...DEFAULT_POLICY, rules: DEFAULT_POLICY.rules.map((r, i) => (i === 0 ? { ...r, enabled: false } : r)) };
    // Adopted and read inside a transaction that is then rolled back: the version is gone, not remembered.
    expect(() =>
      db.transaction(() => {
        expect(rules.adopt(v(first, 'first'))).toBe(true);
        expect(rules.version(7)?.policy.rules[0]?.enabled).toBe(false);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(rules.version(7)).toBeNull();
    // The same number made again with another policy reads as that policy, every time.
    expect(db.transaction(() => rules.adopt(v(DEFAULT_POLICY, 'second')))()).toBe(true);
    for (let i = 0; i < 3; i++) {
      const read = rules.version(7)!;
      expect(read.note).toBe('second');
      expect(read.policy).toEqual(DEFAULT_POLICY);
    }
    expect(rules.version(8)).toBeNull();
  });

  it('refuses a second entry with the same key', () => {
    db.prepare("INSERT INTO negative_list_imports (file_name, size_bytes, total_rows, accepted, rejected, report, created_by, created_at) VALUES ('a.csv', 1, 1, 1, 0, '{}', 'admin', '2026-11-24T00:00:00Z')").run();
    const insert = db.prepare("INSERT INTO negative_list (match_key, id_number, reason, source, import_id) VALUES ('I:1', '1', '', '', 1)");
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
  });
});
