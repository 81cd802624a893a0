import type Database from 'better-sqlite3';
import { m0400CreateAuthorityMatrix } from './0400-create-authority-matrix';
import { m0410AddCaseApprovalColumns } from './0410-add-case-approval-columns';
import { m0010CreateUsers } from './0010-create-users';
import { m0020CreateCases } from './0020-create-cases';
import { m0030CreateAudit } from './0030-create-audit';
import { m0040CreateOutbox } from './0040-create-outbox';
import { m0050CreateSessions } from './0050-create-sessions';
import { m0060CreateNameSearch } from './0060-create-name-search';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * A shipped migration is never edited: add a new one. Capabilities own number ranges (0100 documents,
 * 0200 contracts, 0300 sync, 0400 approval, …); the list is kept in version order whatever order the
 * lines are in.
 */
export const MIGRATIONS: readonly Migration[] = [
  m0010CreateUsers,
  m0020CreateCases,
  m0030CreateAudit,
  m0040CreateOutbox,
  m0050CreateSessions,
  m0060CreateNameSearch,
  m0400CreateAuthorityMatrix,
  m0410AddCaseApprovalColumns,
].sort((a, b) => a.version - b.version);
