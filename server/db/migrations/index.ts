import { m0010CreateUsers } from './0010-create-users';
import { m0020CreateCases } from './0020-create-cases';
import { m0030CreateAudit } from './0030-create-audit';
import { m0040CreateCommands } from './0040-create-commands';
import { m0050CreateChanges } from './0050-create-changes';
import { m0060CreateBlobs } from './0060-create-blobs';
import { m0070CreateAuthorityMatrix } from './0070-create-authority-matrix';
import { m0080CreateScreening } from './0080-create-screening';
import { m0090CreateNegativeList } from './0090-create-negative-list';
import { m0100GiveSystemUserItsRole } from './0100-give-system-user-its-role';
import { m0110DropUnusedCommandIndex } from './0110-drop-unused-command-index';
import { m0120AddUserVersions } from './0120-add-user-versions';
import { m0130VacuumClaimedCasesOften } from './0130-vacuum-claimed-cases-often';
import { m0140KeepCaseRecordsUncompressed } from './0140-keep-case-records-uncompressed';
import { m0150KeepFeedInCommitOrderPerCase } from './0150-keep-feed-in-commit-order-per-case';

/** A PostgreSQL migration: plain SQL, run once, in order. A shipped migration is never edited. */
export interface CentralMigration {
  version: number;
  name: string;
  sql: string;
}

export const CENTRAL_MIGRATIONS: readonly CentralMigration[] = [
  m0010CreateUsers,
  m0020CreateCases,
  m0030CreateAudit,
  m0040CreateCommands,
  m0050CreateChanges,
  m0060CreateBlobs,
  m0070CreateAuthorityMatrix,
  m0080CreateScreening,
  m0090CreateNegativeList,
  m0100GiveSystemUserItsRole,
  m0110DropUnusedCommandIndex,
  m0120AddUserVersions,
  m0130VacuumClaimedCasesOften,
  m0140KeepCaseRecordsUncompressed,
  m0150KeepFeedInCommitOrderPerCase,
];
