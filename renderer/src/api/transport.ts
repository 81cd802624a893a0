import type { HostEvent, WorkbenchTransport } from '../../../shared/api/contract';
import { CaseChange } from '../../../shared/api/schemas';

/**
 * The contract's transport plus one optional hook: the HTTP transport must know the session token to open
 * its event stream (sent in the Authorization header), while IPC events need no token.
 */
export interface SessionAwareTransport extends WorkbenchTransport {
  setSessionToken?(token: string | null): void;
}

const CaseChanges = CaseChange.array();

/** Host events arrive as untyped JSON (SSE) or structured clones (IPC); accept only the shapes we know. */
export function asHostEvent(value: unknown): HostEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const event = value as { type?: unknown; changes?: unknown };
  if (event.type === 'session-expired') return { type: 'session-expired' };
  if (event.type === 'cases-changed') {
    const changes = CaseChanges.safeParse(event.changes);
    return changes.success ? { type: 'cases-changed', changes: changes.data } : null;
  }
  return null;
}
