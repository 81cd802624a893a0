import type { CaseRecord } from '../../shared/domain/case';
import type { Row } from '../db/central-db';
import { litTextArray } from '../db/sql-literal';
import { execute } from '../db/statements';
import type { CaseRow } from './case-engine';

export const CASE_ROW_COLUMNS = 'id, record, audit_seq, audit_hash, lease_until';

/** Locks the cases a batch of commands touches, in id order so that concurrent batches cannot deadlock. */
export function lockCasesSql(ids: readonly string[]): string {
  return execute('lock_cases', litTextArray(ids));
}

export function toCaseRow(r: Row): CaseRow {
  return {
    record: r.record as CaseRecord,
    stored: r.record as CaseRecord,
    auditSeq: r.audit_seq as number,
    auditHash: r.audit_hash as string,
    leaseUntil: (r.lease_until as number | null) ?? null,
  };
}
