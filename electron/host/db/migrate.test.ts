import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';

const table = (name: string, version: number): Migration => ({ version, name, up: (db) => db.exec(`CREATE TABLE ${name} (x INTEGER)`) });

describe('migrate', () => {
  it('applies every migration once, in version order, and records each', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    const versions = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
    expect(versions).toEqual([...MIGRATIONS.map((m) => m.version)].sort((a, b) => a - b));
    expect(db.pragma('user_version', { simple: true })).toBe(Math.max(...versions));
  });

  it('leaves no index that is the leading part of another on the same table (each costs every insert)', () => {
    const db = new Database(':memory:');
    migrate(db);
    const indexes = db.prepare("SELECT name, tbl_name AS tbl FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE '% WHERE %'").all() as { name: string; tbl: string }[];
    const columns = (name: string) => (db.prepare(`PRAGMA index_xinfo(${JSON.stringify(name)})`).all() as { cid: number; key: number; desc: number }[]).filter((c) => c.key === 1).map((c) => `${c.cid}${c.desc ? ' desc' : ''}`);
    const redundant = indexes.flatMap((a) =>
      indexes
        .filter((b) => b.name !== a.name && b.tbl === a.tbl)
        .filter((b) => {
          const [ca, cb] = [columns(a.name), columns(b.name)];
          return ca.length <= cb.length && ca.every((c, i) => c === cb[i]);
        })
        .map((b) => `${a.name} ⊂ ${b.name}`),
    );
    expect(redundant).toEqual([]);
  });

  it('applies a migration numbered below ones already applied (another capability’s range)', () => {
    const db = new Database(':memory:');
    migrate(db, [table('a', 10), table('c', 400)]);
    expect(migrate(db, [table('a', 10), table('b', 200), table('c', 400)])).toEqual([200]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'b'").get()).toBeTruthy();
  });

  it('refuses a store written by a newer app, and changes nothing', () => {
    const db = new Database(':memory:');
    migrate(db, [table('a', 10), table('z', 900)]);
    expect(() => migrate(db, [table('a', 10), table('b', 20)])).toThrow(/900/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });

  it('rolls back every pending migration if one fails', () => {
    const db = new Database(':memory:');
    const broken: Migration = { version: 30, name: 'broken', up: (d) => d.exec('CREATE TABLE nope (') };
    expect(() => migrate(db, [table('a', 10), table('b', 20), broken])).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('a','b')").all()).toEqual([]);
  });
});
