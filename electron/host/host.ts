import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HostEvent } from '../../shared/api/contract';
import type { CaseChange } from '../../shared/api/schemas';
import { DEFAULT_SLA_POLICY } from '../../shared/sla/sla-policy';
import { DEFAULT_CALENDAR } from '../../shared/sla/working-time';
import { createDispatcher } from './api/dispatcher';
import { createHandlers } from './api/handlers';
import { AuthorityRepo } from './approval/authority-repo';
import { AuditQuery } from './audit/audit-query';
import { AuditRepo } from './audit/audit-repo';
import { AuthService } from './auth/auth-service';
import { UserAdminService } from './auth/user-admin-service';
import { CaseService } from './cases/case-service';
import { CommandService } from './commands/command-service';
import { DashboardService } from './dashboard/dashboard-service';
import { ContractService } from './contracts/contract-service';
import { ContractTemplateService } from './contracts/contract-template-service';
import { openDatabase, type Db } from './db/database';
import { DemoDocuments } from './documents/demo-documents';
import { DocumentService, type DocumentOptions } from './documents/document-service';
import type { DocumentRemote } from './documents/document-transfer';
import { shanghaiDate } from './documents/ocr-queue';
import { seedDemoIfEmpty } from './demo/seed';
import type { HostHandle, HostOptions } from './host-handle';
import { QueueService } from './queues/queue-service';
import { createScreening } from './screening/create-screening';
import { CaseRepo } from './store/case-repo';
import { OutboxRepo } from './store/outbox-repo';
import { UserRepo } from './store/user-repo';
import { withCentralServer } from './sync/central-handlers';
import { STANDALONE_SYNC } from './sync/sync-facade';
import { SyncService } from './sync/sync-service';

export const DB_FILE = 'workbench.sqlite';

/** Everything behind the API, wired by constructor injection. Tests build the same graph on a temp dir. */
export function createServices(
  db: Db,
  opts: {
    now: () => number;
    idleTimeoutMinutes: number;
    onChange: (c: CaseChange[]) => void;
    documents?: { options?: DocumentOptions; demo?: boolean; remote?: () => DocumentRemote | null };
  },
) {
  const users = new UserRepo(db);
  const cases = new CaseRepo(db);
  const audit = new AuditRepo(db);
  const outbox = new OutboxRepo(db);
  const authority = new AuthorityRepo(db, audit, opts.now);
  const commands = new CommandService({
    db,
    cases,
    users,
    audit,
    outbox,
    calendar: DEFAULT_CALENDAR,
    sla: DEFAULT_SLA_POLICY,
    authority: () => authority.current(),
    now: opts.now,
    onChange: (changes) => {
      opts.onChange(changes);
      screening.service.onCommitted(changes); // automatic screening of cases that entered `screening`
    },
  });
  const auth = new AuthService({ db, users, audit, now: opts.now, idleTimeoutMinutes: opts.idleTimeoutMinutes, lockoutMinutes: 30 });
  const userAdmin = new UserAdminService({ db, audit, now: opts.now });
  const queues = new QueueService(db, commands, opts.now);
  const caseService = new CaseService(db, cases, users, audit, commands);
  const auditQuery = new AuditQuery(db);
  const contracts = new ContractService({ db, cases, commands, audit, now: opts.now });
  const contractTemplates = new ContractTemplateService({ contracts, now: opts.now });
  const dashboard = new DashboardService({ db, commands, cases: caseService, calendar: DEFAULT_CALENDAR, sla: DEFAULT_SLA_POLICY, now: opts.now });
  const screening = createScreening({ db, cases, commands, audit, now: opts.now });
  // Documents live next to the database (documents/ab/cd/<sha256>); demo cases get theirs when first opened.
  const documents = new DocumentService({
    db,
    dataDir: dirname(db.name),
    cases,
    caseService,
    commands,
    audit,
    now: opts.now,
    options: opts.documents?.options,
    demo: opts.documents?.demo ? new DemoDocuments(cases, () => shanghaiDate(opts.now())) : undefined,
    remote: opts.documents?.remote,
  });
  return { db, users, cases, audit, outbox, authority, commands, auth, queues, caseService, auditQuery, contracts, contractTemplates, dashboard, screening, documents, userAdmin };
}

export type HostServices = ReturnType<typeof createServices>;

export function createHost(options: HostOptions): HostHandle & { services: HostServices; ready: Promise<void>; sync: SyncService | null } {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DB_FILE));
  const listeners = new Set<(event: HostEvent, token: string | null) => void>();
  const emit = (event: HostEvent) => {
    for (const l of listeners) l(event, null);
  };
  const now = options.now ?? Date.now;
  // With a central server, every local command is pushed soon after it is recorded.
  let sync: SyncService | null = null;
  const services = createServices(db, {
    now,
    idleTimeoutMinutes: options.idleTimeoutMinutes ?? 15,
    // Synced, document files travel through the server's file store (sync/blob-transfer.ts).
    documents: {
      options: options.documents,
      // A demo desktop renders its demo cases' documents itself, synced or not (they are never uploaded).
      demo: options.documents?.demo ?? options.seedDemo === true,
      remote: () => sync?.blobs ?? null,
    },
    onChange: (changes) => {
      emit({ type: 'cases-changed', changes });
      sync?.nudge();
    },
  });
  if (options.centralUrl) {
    sync = new SyncService({
      db,
      services,
      centralUrl: options.centralUrl,
      now,
      onChanges: (changes) => emit({ type: 'cases-changed', changes }),
      intervalMs: options.syncIntervalMs ?? 2_000,
      offlineLoginHours: options.offlineLoginHours ?? 72,
    });
  }
  const handlers = createHandlers({
    auth: services.auth,
    commands: services.commands,
    queues: services.queues,
    cases: services.caseService,
    audit: services.audit,
    auditQuery: services.auditQuery,
    authority: services.authority,
    contracts: services.contracts,
    contractTemplates: services.contractTemplates,
    sync: sync ?? STANDALONE_SYNC,
    dashboard: services.dashboard,
    screening: services.screening,
    documents: services.documents,
    users: services.userAdmin,
  });
  services.documents.resume(); // recognition a previous run left queued
  const dispatch = createDispatcher(sync ? withCentralServer(handlers, sync) : handlers, services.auth);
  // A synced desktop gets its users and cases from the central server, never from a local demo seed.
  const seeded = options.seedDemo && !sync ? seedDemoIfEmpty(services, { cases: options.demoCases ?? 5000, now: now() }) : Promise.resolve();
  // Automatic screening runs in a standalone host; with a central server the server screens (server/screening)
  // and this desktop pulls the outcome with its result (sync/screening-replica.ts).
  const ready = sync ? seeded : seeded.then(() => void services.screening.service.start());
  sync?.start();
  return {
    services,
    ready,
    sync,
    async dispatch(channel, token, input, options) {
      await ready;
      return dispatch(channel, token, input, options);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isSessionValid: (token) => services.auth.isValid(token),
    close() {
      sync?.stop();
      services.screening.service.close();
      void services.documents.close(); // stops the OCR worker threads
      listeners.clear();
      db.close();
    },
  };
}
