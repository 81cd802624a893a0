/** One entry of the hash-chained audit trail, as stored (details kept as the exact JSON text hashed). */
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  caseId: string | null;
  commandId: string | null;
  fromState: string | null;
  toState: string | null;
  details: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The exact text that is hashed for an entry: every stored column but the hash itself, in a fixed order,
 * so changing any column of any row (or removing a row) breaks the chain. Shared so the central server
 * computes the same hashes.
 */
export function auditHashInput(e: Omit<AuditEntry, 'hash'>): string {
  return JSON.stringify([
    e.seq,
    e.at,
    e.actorId,
    e.actorName,
    e.action,
    e.caseId,
    e.commandId,
    e.fromState,
    e.toState,
    e.details,
    e.prevHash,
  ]);
}
