import type { Migration } from './index';

/**
 * Everyone who checked a case's documents (not only the last one) and the case's risk grade. Existing rows
 * get their single checker as the first entry, so segregation of duties holds across the upgrade.
 */
export const m0410AddCaseApprovalColumns: Migration = {
  version: 410,
  name: 'add-case-approval-columns',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN checkers TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE cases ADD COLUMN risk_grade TEXT;
      UPDATE cases SET checkers = json_array(checked_by) WHERE checked_by IS NOT NULL;
    `);
  },
};
