import type { ApiOutput, ApiParsedInput, Channel } from '../../../shared/api/contract';
import type { CaseChange } from '../../../shared/api/schemas';
import type { CommandName } from '../../../shared/commands/registry';
import { fail, ok, type Result } from '../../../shared/errors';
import type { AuditRepo } from '../audit/audit-repo';
import type { AuthService, Session } from '../auth/auth-service';
import type { CaseService } from '../cases/case-service';
import type { CommandService, Executed } from '../commands/command-service';
import type { QueueService } from '../queues/queue-service';
import { CASE_STATES as CASE_STATE_LIST } from '../../../shared/workflow/states';

export interface Services {
  auth: AuthService;
  commands: CommandService;
  queues: QueueService;
  cases: CaseService;
  audit: AuditRepo;
}

type Handler<C extends Channel> = (input: ApiParsedInput<C>, session: Session | null) => Promise<Result<ApiOutput<C>>> | Result<ApiOutput<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

function change(r: Result<Executed>): Result<CaseChange> {
  if (!r.ok) return r;
  const c = r.value.record;
  return ok({ caseId: c.id, state: c.state, version: c.version, assigneeName: c.assigneeName });
}

/** The session exists for every non-public channel; the dispatcher has already checked it. */
function must(session: Session | null): Session {
  if (!session) throw new Error('handler reached without a session');
  return session;
}

/** Maps each API channel onto the services. Permission checks live in the services and in `decide`. */
export function createHandlers(s: Services): Handlers {
  const run = (session: Session | null, name: CommandName, payload: unknown) => change(s.commands.execute(must(session).actor, name, payload));
  return {
    'auth:login': (input) => s.auth.login(input.username, input.password),
    'auth:logout': (_input, session) => {
      s.auth.logout(must(session));
      return ok({});
    },
    'auth:me': (_input, session) => ok(must(session).info),
    'queue:counts': (_input, session) => ok(s.queues.counts(must(session).info)),
    'queue:list': (input, session) => s.queues.list(input, must(session).info),
    'queue:claimNext': (input, session) => s.queues.claimNext(input.queue, must(session)),
    'case:get': (input, session) => s.cases.get(input.caseId, must(session).info),
    'case:claim': (input, session) => run(session, 'claim', input),
    'case:release': (input, session) => run(session, 'release', input),
    'case:assign': (input, session) => run(session, 'assign', input),
    'case:passDocCheck': (input, session) => run(session, 'passDocCheck', input),
    'case:returnForSupplement': (input, session) => run(session, 'returnForSupplement', input),
    'users:assignable': (input, session) => {
      if (!must(session).info.permissions.includes('case.assign')) return fail('forbidden', '您没有分派案件的权限', 'You may not assign cases');
      return s.cases.assignable(input.caseId);
    },
    'meta:reference': () => ok({ branches: s.cases.branches(), states: [...CASE_STATE_LIST] }),
    'audit:verify': (_input, session) => {
      if (!must(session).info.permissions.includes('audit.verify')) return fail('forbidden', '您没有校验审计链的权限', 'You may not verify the audit trail');
      return ok(s.audit.verify());
    },
  };
}


