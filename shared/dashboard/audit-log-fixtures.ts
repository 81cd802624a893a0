import type { AuditEvent, CaseFacts } from './records';

/** A person in a constructed trail. */
export interface P {
  id: string;
  name: string;
}

export const SYSTEM: P = { id: 'system', name: '系统' };

/** '2026-11-23 10:00' in Shanghai → UTC ISO, so tests read like the bank's wall clock. */
export function local(wall: string): string {
  return new Date(Date.parse(`${wall.replace(' ', 'T')}:00+08:00`)).toISOString();
}

/**
 * Builds an audit trail the way the command path writes it (from/to states, details with assignee, reasons,
 * slaDueAt left out because the metrics never read it), one case step at a time.
 */
export function auditLog() {
  const events: AuditEvent[] = [];
  const facts = new Map<string, CaseFacts>();
  const state = new Map<string, string>();

  const push = (wall: string, who: P, action: string, caseId: string | null, to: string | null, details: Record<string, unknown> = {}) => {
    const from = caseId ? (state.get(caseId) ?? null) : null;
    if (caseId && to) state.set(caseId, to);
    events.push({
      seq: events.length + 1,
      at: local(wall),
      actorId: who.id,
      actorName: who.name,
      action,
      caseId,
      fromState: from,
      toState: caseId ? (to ?? from) : null,
      details: JSON.stringify(details),
    });
  };
  const stateOf = (caseId: string) => state.get(caseId) ?? '';
  const ref = (p: P) => ({ id: p.id, name: p.name });

  return {
    events,
    facts,
    submit(caseId: string, wall: string, f: CaseFacts) {
      facts.set(caseId, f);
      push(wall, SYSTEM, 'submitted', caseId, 'submitted', { productCode: f.product, branchCode: f.branch });
    },
    claim(caseId: string, who: P, wall: string) {
      push(wall, who, 'claimed', caseId, stateOf(caseId) === 'submitted' ? 'doc_check' : stateOf(caseId), { assignee: ref(who) });
    },
    release(caseId: string, who: P, wall: string) {
      push(wall, who, 'released', caseId, stateOf(caseId) === 'doc_check' ? 'submitted' : stateOf(caseId), { assignee: null });
    },
    assign(caseId: string, by: P, to: P, wall: string, reason: string) {
      push(wall, by, 'assigned', caseId, stateOf(caseId) === 'submitted' ? 'doc_check' : stateOf(caseId), { reason, toName: to.name, assignee: ref(to) });
    },
    pass(caseId: string, who: P, wall: string) {
      push(wall, who, 'docCheckPassed', caseId, 'screening', { assignee: null });
    },
    returnForSupplement(caseId: string, who: P, wall: string, reasons: string[]) {
      push(wall, who, 'returnedForSupplement', caseId, 'returned', { reasons, assignee: null });
    },
    resubmit(caseId: string, wall: string) {
      push(wall, SYSTEM, 'resubmitted', caseId, 'submitted', {});
    },
    screen(caseId: string, wall: string, outcome: 'approval' | 'investigation' | 'declined', reasons: string[], reasonsEn?: string[]) {
      push(wall, SYSTEM, 'screeningCompleted', caseId, outcome, { outcome, reasons, ...(reasonsEn ? { reasonsEn } : {}) });
    },
    propose(caseId: string, who: P, wall: string, decision: 'approve' | 'decline' = 'approve') {
      push(wall, who, 'proposed', caseId, 'proposed', { proposal: { decision }, assignee: null });
    },
    confirm(caseId: string, who: P, maker: P, wall: string, to: 'approved' | 'declined' | 'proposed' = 'approved') {
      push(wall, who, 'confirmed', caseId, to, { decision: to === 'declined' ? 'decline' : 'approve', maker: maker.id, makerName: maker.name, assignee: null });
    },
    sendBack(caseId: string, who: P, maker: P, wall: string, comment: string) {
      push(wall, who, 'sentBack', caseId, 'approval', { comment, assignee: ref(maker) });
    },
    completeInvestigation(caseId: string, who: P, wall: string, outcome: 'approval' | 'declined') {
      push(wall, who, 'investigationCompleted', caseId, outcome, { outcome, findings: '已实地核查', assignee: null });
    },
    contract(caseId: string, who: P, wall: string) {
      push(wall, who, 'contractRecorded', caseId, 'contracted', { contractNo: `HT-${caseId}`, assignee: null });
    },
    withdraw(caseId: string, wall: string) {
      push(wall, SYSTEM, 'withdrawn', caseId, 'withdrawn', { reason: '客户主动撤回申请', assignee: null, slaDueAt: null });
    },
    login(who: P, wall: string) {
      push(wall, who, 'login', null, null, {});
    },
  };
}
