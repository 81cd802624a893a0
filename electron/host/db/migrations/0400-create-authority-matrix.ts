import { DEFAULT_AUTHORITY_RULES } from '../../../../shared/approval/authority';
import type { Migration } from './index';

/**
 * The authority matrix (role × product × amount band × risk grade) as versioned data: an edit inserts a
 * new version, never changes an old one, so every decision can name the version it was made under.
 */
export const m0400CreateAuthorityMatrix: Migration = {
  version: 400,
  name: 'create-authority-matrix',
  up(db) {
    db.exec(`
      CREATE TABLE authority_matrix (
        version INTEGER PRIMARY KEY,
        rules TEXT NOT NULL,
        note TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_by_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER authority_matrix_no_update BEFORE UPDATE ON authority_matrix BEGIN SELECT RAISE(ABORT, 'authority matrix versions are immutable'); END;
    `);
    db.prepare('INSERT INTO authority_matrix (version, rules, note, created_by, created_by_name, created_at) VALUES (1, ?, ?, ?, ?, ?)').run(
      JSON.stringify(DEFAULT_AUTHORITY_RULES),
      '初始版本 / initial version',
      'system',
      '系统',
      '2026-01-01T00:00:00.000Z',
    );
  },
};
