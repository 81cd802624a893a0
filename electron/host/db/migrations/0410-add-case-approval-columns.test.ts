import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 0410: checkers and risk grade', () => {
  it('carries the existing checker into the new checkers list', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 410));
    const insert = db.prepare(
      `INSERT INTO cases (id, app_no, state, version, team, product_code, segment, amount_fen, branch_code, branch_name,
         customer_name, applicant_name, id_number, priority, checked_by, submitted_at, stage_entered_at, return_count)
       VALUES (?, ?, 'approval', 4, 'retail', 'tax_loan', 'micro_enterprise', 100, 'b', 'b', 'n', 'n', '1', 0, ?, 't', 't', 0)`,
    );
    insert.run('c-1', 'CF1', 'u-clerk-1');
    insert.run('c-2', 'CF2', null);
    expect(migrate(db)).toContain(410);
    const rows = db.prepare('SELECT id, checkers, risk_grade FROM cases ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'c-1', checkers: '["u-clerk-1"]', risk_grade: null },
      { id: 'c-2', checkers: '[]', risk_grade: null },
    ]);
  });
});
