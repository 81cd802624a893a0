import type { Tx } from '../db/central-db';

/** What happened to an account: logins and their failures, lockouts, and every change to it (never a password). */
export interface AuthEvent {
  at: number;
  userId: string;
  action: string;
  deviceId?: string | null;
  details?: Record<string, unknown>;
}

/** One row of the append-only `auth_events`, on its own (`db`) or inside the caller's transaction (`tx`). */
export async function recordAuthEvent(q: Pick<Tx, 'query'>, e: AuthEvent): Promise<void> {
  await q.query('INSERT INTO auth_events (at, user_id, action, device_id, details) VALUES ($1, $2, $3, $4, $5)', [
    new Date(e.at).toISOString(),
    e.userId,
    e.action,
    e.deviceId ?? null,
    JSON.stringify(e.details ?? {}),
  ]);
}
