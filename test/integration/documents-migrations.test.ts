import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/host/db/migrate';
import { MIGRATIONS } from '../../electron/host/db/migrations';
import { DEFAULT_CHECKLIST } from '../../shared/documents/checklist';
import { PRODUCT_CODES } from '../../shared/products/catalog';

/** Migrations 0100–0130 (documents): each on a real SQLite file, from the version before it. */
describe('document migrations', () => {
  let dir: string;
  let db: Database.Database;
  const open = () => {
    dir = mkdtempSync(join(tmpdir(), 'cfw-mig-'));
    db = new Database(join(dir, 'w.sqlite'));
    db.pragma('foreign_keys = ON');
    return db;
  };
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('0110 seeds the required-document checklist of every product, as shared/documents/checklist.ts defines it', () => {
    open();
    const upTo = (v: number) => MIGRATIONS.filter((m) => m.version <= v);
    expect(migrate(db, upTo(100)).at(-1)).toBe(100);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'document_checklist'").get()).toEqual({ n: 0 });
    expect(migrate(db, upTo(110))).toEqual([110]);
    for (const product of PRODUCT_CODES) {
      const items = db
        .prepare('SELECT kind, enterprise_only FROM document_checklist WHERE product_code = ? ORDER BY ord')
        .all(product)
        .map((r) => {
          const row = r as { kind: string; enterprise_only: number };
          return { kind: row.kind, enterpriseOnly: row.enterprise_only === 1 };
        });
      expect(items).toEqual(DEFAULT_CHECKLIST[product]);
      expect(db.prepare('SELECT version FROM document_checklist_versions WHERE product_code = ?').all(product)).toEqual([{ version: 1 }]);
    }
  });

  it('0100 keeps one document per file per case and refuses pages of unknown blobs', () => {
    open();
    migrate(db);
    db.prepare("INSERT INTO cases (id, app_no, state, version, team, product_code, segment, amount_fen, branch_code, branch_name, customer_name, applicant_name, id_number, priority, submitted_at, stage_entered_at, return_count) VALUES ('c-1', 'A1', 'submitted', 1, 'retail', 'tax_loan', 'micro_enterprise', 100, 'b', 'b', 'x', 'x', '1', 0, 't', 't', 0)").run();
    db.prepare("INSERT INTO blobs (sha256, size_bytes, mime, created_at) VALUES ('h1', 1, 'image/png', 't')").run();
    const doc = db.prepare(
      "INSERT INTO documents (id, case_id, seq, file_name, mime, size_bytes, sha256, page_count, uploaded_by, uploaded_by_name, uploaded_at, ocr_status) VALUES (?, 'c-1', ?, 'f', 'image/png', 1, 'h1', 1, 'u', 'u', 't', 'queued')",
    );
    doc.run('d-1', 1);
    expect(() => doc.run('d-2', 2)).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO document_pages (document_id, page_no, sha256, mime, width, height) VALUES ('d-1', 1, 'nope', 'image/png', 1, 1)").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE documents SET ocr_status = 'lost' WHERE id = 'd-1'").run()).toThrow(/CHECK/);
  });

  it('0130 marks the documents a store already has as added on this desktop, and queues no upload for them', () => {
    open();
    const upTo = (v: number) => MIGRATIONS.filter((m) => m.version <= v);
    migrate(db, upTo(120));
    db.prepare("INSERT INTO cases (id, app_no, state, version, team, product_code, segment, amount_fen, branch_code, branch_name, customer_name, applicant_name, id_number, priority, submitted_at, stage_entered_at, return_count) VALUES ('c-1', 'A1', 'submitted', 1, 'retail', 'tax_loan', 'micro_enterprise', 100, 'b', 'b', 'x', 'x', '1', 0, 't', 't', 0)").run();
    db.prepare("INSERT INTO blobs (sha256, size_bytes, mime, created_at) VALUES ('h1', 1, 'image/png', 't')").run();
    db.prepare(
      "INSERT INTO documents (id, case_id, seq, file_name, mime, size_bytes, sha256, page_count, uploaded_by, uploaded_by_name, uploaded_at, ocr_status) VALUES ('d-1', 'c-1', 1, 'f', 'image/png', 1, 'h1', 1, 'u', 'u', 't', 'done')",
    ).run();
    expect(migrate(db, upTo(130))).toEqual([130]);
    expect(db.prepare("SELECT origin FROM documents WHERE id = 'd-1'").get()).toEqual({ origin: 'local' });
    for (const t of ['document_uploads', 'document_fetches', 'document_remote_reviews']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    }
    expect(() => db.prepare("UPDATE documents SET origin = 'elsewhere' WHERE id = 'd-1'").run()).toThrow(/CHECK/);
    // An upload names a file the store holds.
    expect(() => db.prepare("INSERT INTO document_uploads (sha256, document_id, user_id, queued_at) VALUES ('nope', 'd-1', 'u', 't')").run()).toThrow(/FOREIGN KEY/);
  });
});
