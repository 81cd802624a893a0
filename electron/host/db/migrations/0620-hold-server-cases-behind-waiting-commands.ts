import type { Migration } from './index';

/**
 * The server's newest copy of a case whose changes the feed brought while this desktop still had commands for
 * that case waiting (the local case keeps the user's optimistic change meanwhile). Once those commands are
 * answered, a refusal that came without the server's copy rolls the case back to this copy rather than to the
 * case before the command, which would miss what others did meanwhile: the feed does not bring those changes
 * again. Deleted once used (it holds personal data).
 */
export const m0620HoldServerCasesBehindWaitingCommands: Migration = {
  version: 620,
  name: 'hold-server-cases-behind-waiting-commands',
  up(db) {
    db.exec(`
      CREATE TABLE sync_held_cases (
        case_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        record TEXT NOT NULL
      ) STRICT;
    `);
  },
};
