import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractDocType } from '../../../shared/contracts/contract-number';
import { TemplateBody, type ContractTemplate } from '../../../shared/contracts/template-model';
import type { Db } from '../db/database';

export interface TemplateVersionInfo {
  version: number;
  source: 'shipped' | 'admin';
  createdAt: string;
  createdByName: string | null;
}

interface RawTemplate {
  version: number;
  body: string;
  source: 'shipped' | 'admin';
  created_at: string;
  created_by_name: string | null;
}

/**
 * Versioned contract templates. The shipped wording (resources/templates/<docType>.json) is stored as version 1
 * the first time a document type is needed, so every contract can name a stored template version.
 */
export class TemplateRepo {
  private readonly latestStmt;
  private readonly getStmt;
  private readonly listStmt;
  private readonly insertStmt;

  constructor(
    private readonly db: Db,
    private readonly templatesDir: () => string,
  ) {
    this.latestStmt = db.prepare<[string], RawTemplate>('SELECT * FROM contract_templates WHERE doc_type = ? ORDER BY version DESC LIMIT 1');
    this.getStmt = db.prepare<[string, number], RawTemplate>('SELECT * FROM contract_templates WHERE doc_type = ? AND version = ?');
    this.listStmt = db.prepare<[string], RawTemplate>('SELECT * FROM contract_templates WHERE doc_type = ? ORDER BY version DESC');
    this.insertStmt = db.prepare(
      `INSERT INTO contract_templates (doc_type, version, body, source, created_at, created_by, created_by_name)
       VALUES (@docType, @version, @body, @source, @createdAt, @createdBy, @createdByName)`,
    );
  }

  /** The newest version of each document type, seeding the shipped ones where the store has none yet. */
  latest(docType: ContractDocType, now: string): ContractTemplate {
    const raw = this.latestStmt.get(docType) ?? this.seedShipped(docType, now);
    return toTemplate(raw);
  }

  get(docType: ContractDocType, version: number): ContractTemplate | null {
    const raw = this.getStmt.get(docType, version);
    return raw ? toTemplate(raw) : null;
  }

  versions(docType: ContractDocType, now: string): TemplateVersionInfo[] {
    this.latest(docType, now);
    return this.listStmt.all(docType).map((r) => ({ version: r.version, source: r.source, createdAt: r.created_at, createdByName: r.created_by_name }));
  }

  /** Saves an admin's edit as the next version of its document type; returns that version. */
  saveNew(body: TemplateBody, by: { id: string; name: string }, now: string): number {
    return this.db.transaction(() => {
      const current = this.latest(body.docType, now);
      const version = current.version + 1;
      this.insertStmt.run({ docType: body.docType, version, body: JSON.stringify(body), source: 'admin', createdAt: now, createdBy: by.id, createdByName: by.name });
      return version;
    })();
  }

  private seedShipped(docType: ContractDocType, now: string): RawTemplate {
    const file = join(this.templatesDir(), `${docType}.json`);
    // A shipped template that does not parse is a packaging fault: fail loudly rather than print something else.
    const body = TemplateBody.parse(JSON.parse(readFileSync(file, 'utf8')));
    if (body.docType !== docType) throw new Error(`${file}: docType is ${body.docType}, expected ${docType}`);
    const row = { docType, version: 1, body: JSON.stringify(body), source: 'shipped' as const, createdAt: now, createdBy: null, createdByName: null };
    this.db.transaction(() => {
      if (!this.latestStmt.get(docType)) this.insertStmt.run(row);
    })();
    return this.latestStmt.get(docType)!;
  }
}

function toTemplate(raw: RawTemplate): ContractTemplate {
  return { ...TemplateBody.parse(JSON.parse(raw.body)), version: raw.version };
}
