import type { Migration } from './index';

/**
 * A document field as it was before each waiting review of it (JSON, with what the review wrote), so that a
 * review the server refuses is undone here too: the case and its audit roll back with the refusal, and the
 * field must not stay confirmed or corrected on this desktop alone. On the outbox row because it lives exactly
 * as long as the command waits; cleared with `case_before` once the command is answered.
 */
export const m0630KeepFieldBeforeEachReview: Migration = {
  version: 630,
  name: 'keep-field-before-each-review',
  up(db) {
    db.exec('ALTER TABLE outbox ADD COLUMN field_before TEXT');
  },
};
