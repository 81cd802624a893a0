import type { Migration } from './index';

/**
 * `cases_product (product_code, state)` is the leading part of `cases_product_state_submitted` (0070), which
 * serves every lookup it served; keeping both cost every new case one more index insert.
 */
export const m0075DropProductIndex: Migration = {
  version: 75,
  name: 'drop-product-index',
  up(db) {
    db.exec('DROP INDEX cases_product');
  },
};
