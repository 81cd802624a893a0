import type { ApiOutput, ApiParsedInput, Channel } from '../../../shared/api/contract';
import type { CaseChange } from '../../../shared/api/schemas';
import { ok, type Result } from '../../../shared/errors';
import type { AuthorityRepo } from '../approval/authority-repo';
import type { AuditQuery } from '../audit/audit-query';
import type { AuditRepo } from '../audit/audit-repo';
import type { AuthService, Session } from '../auth/auth-service';
import type { CaseService } from '../cases/case-service';
import type { CommandService, Executed } from '../commands/command-service';
import type { DashboardService } from '../dashboard/dashboard-service';
import type { DocumentService } from '../documents/document-service';
import type { ContractService } from '../contracts/contract-service';
import type { ContractTemplateService } from '../contracts/contract-template-service';
import type { QueueService } from '../queues/queue-service';
import type { ScreeningServices } from '../screening/create-screening';
import type { SyncFacade } from '../sync/sync-facade';
import type { UserAdminService } from '../auth/user-admin-service';

/** The services handlers may use; each capability's handler file takes what it needs from here. */
export interface Services {
  dashboard: DashboardService;
  auth: AuthService;
  commands: CommandService;
  queues: QueueService;
  cases: CaseService;
  audit: AuditRepo;
  auditQuery: AuditQuery;
  authority: AuthorityRepo;
  contracts: ContractService;
  contractTemplates: ContractTemplateService;
  /** Sync with the central server (or `STANDALONE_SYNC` when there is none). */
  sync: SyncFacade;
  /** Screening, limit estimation and pricing; rule sets; the negative list. */
  screening: ScreeningServices;
  /** Documents and OCR: intake, recognition, the checking desk, checklists. */
  documents: DocumentService;
  /** User administration (standalone; a synced desktop's accounts are the central server's). */
  users: UserAdminService;
}

export type Handler<C extends Channel> = (
  input: ApiParsedInput<C>,
  session: Session | null,
) => Promise<Result<ApiOutput<C>>> | Result<ApiOutput<C>>;

/** Handlers for a subset of channels (one capability). */
export type HandlerGroup<K extends Channel> = { [C in K]: Handler<C> };
export type Handlers = HandlerGroup<Channel>;

/** The session exists for every non-public channel; the dispatcher has already checked it. */
export function must(session: Session | null): Session {
  if (!session) throw new Error('handler reached without a session');
  return session;
}

export function change(r: Result<Executed>): Result<CaseChange> {
  if (!r.ok) return r;
  const c = r.value.record;
  return ok({ caseId: c.id, state: c.state, version: c.version, assigneeName: c.assigneeName });
}
