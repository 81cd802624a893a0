import type { contractsApi } from '../../../../shared/api/contracts-api';
import { must, type HandlerGroup, type Services } from '../handler-types';

/** Contract desk (contract.work) and template maintenance (admin.manage); the services check both. */
export function contractHandlers(s: Services): HandlerGroup<keyof typeof contractsApi> {
  return {
    'contract:desk': (input, session) => s.contracts.desk(input.caseId, must(session).info),
    'contract:generate': (input, session) => s.contracts.generate(must(session).actor, input.caseId),
    'contract:pdf': (input, session) => s.contracts.pdf(input.caseId, input.version, must(session).info),
    'contract:record': (input, session) => s.contracts.record(must(session).actor, input.caseId, input.version),
    'contractTemplate:list': (_input, session) => s.contractTemplates.list(must(session).actor),
    'contractTemplate:save': (input, session) => s.contractTemplates.save(must(session).actor, input.body),
    'contractTemplate:preview': (input, session) => s.contractTemplates.preview(must(session).actor, input.body),
  };
}
