import type { Migration } from './index';

/**
 * The overview's commonest filter — products and states, newest first — picks its page from an index that
 * holds the sort column too: the thousands of matching rows are ordered from the index alone, and only the
 * page's rows are read from the table (queue-service.ts selects the page's rowids first).
 */
export const m0070AddCaseFilterIndex: Migration = {
  version: 70,
  name: 'add-case-filter-index',
  up(db) {
    db.exec('CREATE INDEX cases_product_state_submitted ON cases (product_code, state, submitted_at)');
  },
};
