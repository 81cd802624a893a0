import type { ChecklistItem } from '../../../shared/documents/checklist';
import type { DocumentKind } from '../../../shared/documents/kinds';
import type { ProductCode } from '../../../shared/products/catalog';
import type { Db } from '../db/database';

/** Required documents per product, as the administrator last saved them, with a version per change. */
export class ChecklistRepo {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      items: db.prepare<[string], { kind: DocumentKind; enterprise_only: number }>(
        'SELECT kind, enterprise_only FROM document_checklist WHERE product_code = ? ORDER BY ord',
      ),
      version: db.prepare<[string], { v: number | null }>('SELECT max(version) AS v FROM document_checklist_versions WHERE product_code = ?'),
      clear: db.prepare('DELETE FROM document_checklist WHERE product_code = ?'),
      insert: db.prepare('INSERT INTO document_checklist (product_code, kind, enterprise_only, ord) VALUES (?, ?, ?, ?)'),
      addVersion: db.prepare('INSERT INTO document_checklist_versions (product_code, version, updated_at, updated_by) VALUES (?, ?, ?, ?)'),
    };
  }

  items(product: ProductCode): ChecklistItem[] {
    return this.s.items.all(product).map((r) => ({ kind: r.kind, enterpriseOnly: r.enterprise_only === 1 }));
  }

  version(product: ProductCode): number {
    return this.s.version.get(product)?.v ?? 0;
  }

  /** Replaces the list; runs inside the caller's transaction (with its audit entry). */
  replace(product: ProductCode, items: readonly ChecklistItem[], by: string, at: string): number {
    if (!this.db.inTransaction) throw new Error('checklist replace outside a transaction');
    this.s.clear.run(product);
    items.forEach((i, ord) => this.s.insert.run(product, i.kind, i.enterpriseOnly ? 1 : 0, ord));
    const version = this.version(product) + 1;
    this.s.addVersion.run(product, version, at, by);
    return version;
  }
}
