import type { Migration } from './index';

/**
 * The case as it was before each waiting command (JSON; null for a command that creates the case). The server
 * sends its own copy of the case with a refusal, and the desktop rolls its optimistic change back to that; a
 * refusal without one (a command the server could not even read) is rolled back to this.
 */
export const m0610KeepCaseBeforeEachCommand: Migration = {
  version: 610,
  name: 'keep-case-before-each-command',
  up(db) {
    db.exec('ALTER TABLE outbox ADD COLUMN case_before TEXT');
  },
};
