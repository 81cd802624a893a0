import type { Migration } from './index';

/**
 * The kind of reading another desktop's field review was made on (from its audit entry). A review applies
 * only to a reading of the same kind: one that arrives while this desktop's own kind change waits for the
 * server was made on the old reading, and a name confirmed on an ID card must not confirm the name read
 * from the same file as a business licence. Older rows have none and apply as before.
 */
export const m0650KeepTheKindOfEachRemoteReview: Migration = {
  version: 650,
  name: 'keep-the-kind-of-each-remote-review',
  up(db) {
    db.exec('ALTER TABLE document_remote_reviews ADD COLUMN kind TEXT');
  },
};
