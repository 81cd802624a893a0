import type { CaseRecord } from '../domain/case';
import { decideCommand, type CommandName } from './registry';
import type { DecideContext } from './types';

/**
 * Payloads that are valid in shape, so that `decideCommand` answers only on the rules: state, holder,
 * permission, segregation of duties and authority. Used to tell the UI which actions the host would accept,
 * so the UI never carries a copy of the rules.
 */
const PROBES: Partial<Record<CommandName, (caseId: string) => unknown>> = {
  claim: (caseId) => ({ caseId }),
  release: (caseId) => ({ caseId }),
  passDocCheck: (caseId) => ({ caseId }),
  returnForSupplement: (caseId) => ({ caseId, reasons: ['probe'] }),
  completeInvestigation: (caseId) => ({ caseId, outcome: 'approval', findings: 'probe' }),
  propose: (caseId) => ({ caseId, proposal: { decision: 'decline', reasons: ['probe'] } }),
  confirm: (caseId) => ({ caseId }),
  sendBack: (caseId) => ({ caseId, comment: 'probe' }),
  returnToDocCheck: (caseId) => ({ caseId, reasons: ['probe'] }),
  recordContract: (caseId) => ({ caseId, contractNo: 'probe', sha256: '0'.repeat(64) }),
};

export function allowedActions(c: CaseRecord, ctx: DecideContext): CommandName[] {
  return (Object.keys(PROBES) as CommandName[]).filter((name) => decideCommand(name, c, PROBES[name]!(c.id), ctx).ok);
}
