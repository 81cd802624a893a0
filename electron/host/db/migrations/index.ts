import type Database from 'better-sqlite3';
import { m0600CreateDashboardSnapshot } from './0600-create-dashboard-snapshot';
import { m0610KeepCaseBeforeEachCommand } from './0610-keep-case-before-each-command';
import { m0620HoldServerCasesBehindWaitingCommands } from './0620-hold-server-cases-behind-waiting-commands';
import { m0630KeepFieldBeforeEachReview } from './0630-keep-field-before-each-review';
import { m0640KeepDocumentBeforeEachKindChange } from './0640-keep-document-before-each-kind-change';
import { m0650KeepTheKindOfEachRemoteReview } from './0650-keep-the-kind-of-each-remote-review';
import { m0400CreateAuthorityMatrix } from './0400-create-authority-matrix';
import { m0410AddCaseApprovalColumns } from './0410-add-case-approval-columns';
import { m0010CreateUsers } from './0010-create-users';
import { m0020CreateCases } from './0020-create-cases';
import { m0030CreateAudit } from './0030-create-audit';
import { m0040CreateOutbox } from './0040-create-outbox';
import { m0050CreateSessions } from './0050-create-sessions';
import { m0060CreateNameSearch } from './0060-create-name-search';
import { m0070AddCaseFilterIndex } from './0070-add-case-filter-index';
import { m0075DropProductIndex } from './0075-drop-product-index';
import { m0080GiveSystemUserItsRole } from './0080-give-system-user-its-role';
import { m0085AddUserVersions } from './0085-add-user-versions';
import { m0090IndexNamesInFts } from './0090-index-names-in-fts';
import { m0100CreateDocuments } from './0100-create-documents';
import { m0110CreateDocumentChecklist } from './0110-create-document-checklist';
import { m0120CreateDemoDocuments } from './0120-create-demo-documents';
import { m0130CreateDocumentSync } from './0130-create-document-sync';
import { m0200CreateContractNumbers } from './0200-create-contract-numbers';
import { m0210CreateContractVersions } from './0210-create-contract-versions';
import { m0220CreateContractTemplates } from './0220-create-contract-templates';
import { m0300CreateSyncState } from './0300-create-sync-state';
import { m0500CreateScreeningRuleSets } from './0500-create-screening-rule-sets';
import { m0510CreateNegativeList } from './0510-create-negative-list';
import { m0520CreateScreeningResults } from './0520-create-screening-results';
import { m0530CreateScreeningOverrides } from './0530-create-screening-overrides';

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
  m0070AddCaseFilterIndex,
  m0075DropProductIndex,
  m0080GiveSystemUserItsRole,
  m0085AddUserVersions,
  m0090IndexNamesInFts,
  m0100CreateDocuments,
  m0110CreateDocumentChecklist,
  m0120CreateDemoDocuments,
  m0130CreateDocumentSync,
  m0200CreateContractNumbers,
  m0210CreateContractVersions,
  m0220CreateContractTemplates,
  m0300CreateSyncState,
  m0400CreateAuthorityMatrix,
  m0410AddCaseApprovalColumns,
  m0500CreateScreeningRuleSets,
  m0510CreateNegativeList,
  m0520CreateScreeningResults,
  m0530CreateScreeningOverrides,
  m0600CreateDashboardSnapshot,
  m0610KeepCaseBeforeEachCommand,
  m0620HoldServerCasesBehindWaitingCommands,
  m0630KeepFieldBeforeEachReview,
  m0640KeepDocumentBeforeEachKindChange,
  m0650KeepTheKindOfEachRemoteReview,
].sort((a, b) => a.version - b.version);
