import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
import { CaseService } from './cases/case-service';
import { CommandService } from './commands/command-service';
import { openDatabase, type Db } from './db/database';
import { seedDemoIfEmpty } from './demo/seed';
import type { HostHandle, HostOptions } from './host-handle';
import { QueueService } from './queues/queue-service';
import { CaseRepo } from './store/case-repo';
import { OutboxRepo } from './store/outbox-repo';
import { UserRepo } from './store/user-repo';

export const DB_FILE = 'workbench.sqlite';

/** Everything behind the API, wired by constructor injection. Tests build the same graph on a temp dir. */
export function createServices(db: Db, opts: { now: () => number; idleTimeoutMinutes: number; onChange: (c: CaseChange[]) => void }) {
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
    onChange: opts.onChange,
  });
  const auth = new AuthService({ db, users, audit, now: opts.now, idleTimeoutMinutes: opts.idleTimeoutMinutes, lockoutMinutes: 30 });
  const queues = new QueueService(db, commands, opts.now);
  const caseService = new CaseService(db, cases, users, audit, commands);
  const auditQuery = new AuditQuery(db);
  return { db, users, cases, audit, outbox, authority, commands, auth, queues, caseService, auditQuery };
}

export type HostServices = ReturnType<typeof createServices>;

export function createHost(options: HostOptions): HostHandle & { services: HostServices; ready: Promise<void> } {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DB_FILE));
  const listeners = new Set<(event: HostEvent, token: string | null) => void>();
  const emit = (event: HostEvent) => {
    for (const l of listeners) l(event, null);
  };
  const now = options.now ?? Date.now;
  const services = createServices(db, {
    now,
    idleTimeoutMinutes: options.idleTimeoutMinutes ?? 15,
    onChange: (changes) => emit({ type: 'cases-changed', changes }),
  });
  const dispatch = createDispatcher(
    createHandlers({
      auth: services.auth,
      commands: services.commands,
      queues: services.queues,
      cases: services.caseService,
      audit: services.audit,
      auditQuery: services.auditQuery,
      authority: services.authority,
    }),
    services.auth,
  );
  const ready = options.seedDemo ? seedDemoIfEmpty(services, { cases: options.demoCases ?? 5000, now: now() }) : Promise.resolve();
  return {
    services,
    ready,
    async dispatch(channel, token, input) {
      await ready;
      return dispatch(channel, token, input);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isSessionValid: (token) => services.auth.isValid(token),
    close() {
      listeners.clear();
      db.close();
    },
  };
}
