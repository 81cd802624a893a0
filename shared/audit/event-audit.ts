import type { CaseEvent, CaseEventType } from '../commands/types';
import type { AuditEntry } from './audit-entry';

/**
 * A command's audit entry before it takes its place in a chain (sequence number and hashes come from the
 * store); always about a case, by a command.
 */
export type AuditDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash' | 'caseId' | 'commandId' | 'action'> & { caseId: string; commandId: string; action: CaseEventType };

/**
 * The most characters of details one audit entry may have: the server's change feed carries no more
 * (protocol.ts), so a command whose entry would be longer is refused before it is stored (registry.ts).
 */
export const MAX_EVENT_DETAILS = 20_000;

/** What the audit keeps of an event: who/what changed, never identity numbers or the full application. */
export function auditDetails(e: CaseEvent): Record<string, unknown> {
  const d: Record<string, unknown> = { ...e.details };
  if (e.assignee !== undefined) d.assignee = e.assignee;
  if (e.slaDueAt !== undefined) d.slaDueAt = e.slaDueAt;
  return d;
}

/**
 * The audit entries of one command, one per event, each starting from the state the one before left. The
 * desktop and the central server write the same entries for the same command.
 */
export function auditDrafts(
  events: readonly CaseEvent[],
  actor: { id: string; name: string },
  caseId: string,
  commandId: string,
  fromState: string | null,
): AuditDraft[] {
  let from = fromState;
  return events.map((e) => {
    const draft: AuditDraft = {
      at: e.at,
      actorId: actor.id,
      actorName: actor.name,
      action: e.type,
      caseId,
      commandId,
      fromState: from,
      toState: e.to ?? from,
      details: JSON.stringify(auditDetails(e)),
    };
    if (e.to) from = e.to;
    return draft;
  });
}
