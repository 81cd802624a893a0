import type { casesApi } from '../../../../shared/api/cases-api';
import type { CommandName } from '../../../../shared/commands/registry';
import { fail, ok } from '../../../../shared/errors';
import { CASE_STATES } from '../../../../shared/workflow/states';
import type { Session } from '../../auth/auth-service';
import { change, must, type HandlerGroup, type Services } from '../handler-types';

export function caseHandlers(s: Services): HandlerGroup<keyof typeof casesApi> {
  const run = (session: Session | null, name: CommandName, payload: unknown) => change(s.commands.execute(must(session).actor, name, payload));
  return {
    'case:get': (input, session) => s.cases.get(input.caseId, must(session)),
    'case:claim': (input, session) => run(session, 'claim', input),
    'case:release': (input, session) => run(session, 'release', input),
    'case:assign': (input, session) => run(session, 'assign', input),
    'case:passDocCheck': (input, session) => run(session, 'passDocCheck', input),
    'case:returnForSupplement': (input, session) => run(session, 'returnForSupplement', input),
    'users:assignable': (input, session) => {
      if (!must(session).info.permissions.includes('case.assign')) return fail('forbidden', '您没有分派案件的权限', 'You may not assign cases');
      return s.cases.assignable(input.caseId);
    },
    'meta:reference': () => ok({ branches: s.cases.branches(), states: [...CASE_STATES] }),
  };
}
