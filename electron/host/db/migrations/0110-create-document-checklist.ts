import type { Migration } from './index';

/**
 * Required documents per product (DESIGN §5 typical documents), as data an administrator edits. The
 * defaults are written here, not imported, so this migration gives the same result forever.
 */
const DEFAULTS: readonly [product: string, kinds: readonly [kind: string, enterpriseOnly: 0 | 1][]][] = [
  ['tax_loan', [['id_card_front', 0], ['id_card_back', 0], ['business_licence', 1], ['tax_certificate', 0]]],
  ['mortgage_fast', [['id_card_front', 0], ['id_card_back', 0], ['business_licence', 1], ['property_certificate', 0]]],
  ['credit_fast', [['id_card_front', 0], ['id_card_back', 0], ['business_licence', 1], ['bank_statement', 0]]],
  ['platform_fast', [['id_card_front', 0], ['id_card_back', 0], ['business_licence', 1]]],
  ['invoice_finance', [['business_licence', 1], ['invoice', 0]]],
  ['revolving', [['id_card_front', 0], ['id_card_back', 0], ['business_licence', 1]]],
];

export const m0110CreateDocumentChecklist: Migration = {
  version: 110,
  name: 'create-document-checklist',
  up(db) {
    db.exec(`
      CREATE TABLE document_checklist (
        product_code TEXT NOT NULL,
        kind TEXT NOT NULL,
        enterprise_only INTEGER NOT NULL CHECK (enterprise_only IN (0, 1)),
        ord INTEGER NOT NULL,
        PRIMARY KEY (product_code, kind)
      ) STRICT;
      CREATE TABLE document_checklist_versions (
        product_code TEXT NOT NULL,
        version INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (product_code, version)
      ) STRICT;
    `);
    const item = db.prepare('INSERT INTO document_checklist (product_code, kind, enterprise_only, ord) VALUES (?, ?, ?, ?)');
    const version = db.prepare("INSERT INTO document_checklist_versions (product_code, version, updated_at, updated_by) VALUES (?, 1, '2026-01-01T00:00:00.000Z', 'system')");
    for (const [product, kinds] of DEFAULTS) {
      kinds.forEach(([kind, enterpriseOnly], ord) => item.run(product, kind, enterpriseOnly, ord));
      version.run(product);
    }
  },
};
