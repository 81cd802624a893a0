import type { Migration } from './index';

/**
 * A document as it was before each waiting kind change of it (JSON: its kind, its reading with the reviews
 * on it, and the other desktops' reviews of that reading), so that a kind change the server refuses is
 * undone here too. A kind change reads the file again and drops the other desktops' reviews of the old
 * reading: without this copy the document would stay of the new kind on this desktop alone. Cleared with
 * `case_before` once the command is answered.
 */
export const m0640KeepDocumentBeforeEachKindChange: Migration = {
  version: 640,
  name: 'keep-document-before-each-kind-change',
  up(db) {
    db.exec('ALTER TABLE outbox ADD COLUMN document_before TEXT');
  },
};
