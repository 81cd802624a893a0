import type { AuthorityMatrix, AuthorityRule } from '../../shared/approval/authority';
import type { Row } from '../db/central-db';

/** The matrix in force, read in the first round trip of every deciding transaction (an edit applies at once). */
export function authorityOf(rows: readonly Row[]): AuthorityMatrix {
  const r = rows[0];
  if (!r) throw new Error('authority_matrix is empty');
  return { version: r.version as number, rules: r.rules as AuthorityRule[] };
}
