import { event } from '../../shared/commands/guards';
import type { CaseRecord } from '../../shared/domain/case';
import { DEFAULT_SLA_POLICY } from '../../shared/sla/sla-policy';
import { DEFAULT_CALENDAR } from '../../shared/sla/working-time';
import { canTransition } from '../../shared/workflow/transitions';
import type { ServerConfig } from '../config';
import type { CentralDb } from '../db/central-db';
import { lit } from '../db/sql-literal';
import { applyServerEvents, type Applied, type WorkingSet } from '../commands/case-engine';
import { CASE_ROW_COLUMNS, toCaseRow } from '../commands/case-rows';
import { withRetry } from '../commands/push-service';
import { writePlan } from '../commands/write-plan';

export const SYSTEM_ACTOR = { id: 'system', name: '系统' };

/**
 * Whoever holds a case holds it for a lease, whether they claimed it or it was handed to them (an assignment,
 * a case sent back to the proposer or to the clerk who checked it: case-engine.ts); a desktop renews the
 * leases of the cases its logged-in users hold while it runs, including a held case written without a lease
 * (imported, or handed over before handovers had leases), which from then on expires like any other. When a
 * desktop disappears its leases run out and the sweep gives the cases back to their queues (audited, and in
 * the feed like any change). Any instance may sweep: SKIP LOCKED keeps two sweepers off the same case.
 */
export class LeaseService {
  constructor(private readonly deps: { db: CentralDb; config: ServerConfig }) {}

  async renew(userId: string): Promise<number> {
    const now = this.deps.config.now();
    // Retried like every write of cases: it may wait on a case a younger transaction then changes (0150).
    const rows = await withRetry(() =>
      this.deps.db.query<{ n: number }>(
        `WITH renewed AS (UPDATE cases SET lease_until = $2 WHERE assignee_id = $1 RETURNING 1)
         SELECT count(*)::int AS n FROM renewed`,
        [userId, now + this.deps.config.leaseMs],
      ),
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Releases up to `limit` cases whose lease has run out; returns how many. A held case without a lease (held
   * before handovers had one, or imported held) is given one first, so it too runs out if nobody renews it.
   */
  async sweep(limit = 200): Promise<number> {
    const now = this.deps.config.now();
    await withRetry(() =>
      this.deps.db.query('UPDATE cases SET lease_until = $1 WHERE assignee_id IS NOT NULL AND lease_until IS NULL', [now + this.deps.config.leaseMs]),
    );
    return withRetry(() =>
      this.deps.db.transaction(async (tx) => {
        const rows = await tx.query(
          `SELECT ${CASE_ROW_COLUMNS} FROM cases WHERE lease_until < ${lit(now)} ORDER BY lease_until LIMIT ${lit(limit)} FOR UPDATE SKIP LOCKED`,
        );
        if (rows.length === 0) return 0;
        const ws: WorkingSet = new Map();
        const applied: Applied[] = [];
        for (const r of rows) {
          const row = toCaseRow(r);
          ws.set(row.record.id, row);
          applied.push(applyServerEvents(ws, row.record.id, [expiryEvent(row.record, now)], SYSTEM_ACTOR, `lease-${row.record.id}-${row.record.version + 1}`));
        }
        await tx.commitWith(writePlan({ applied, answers: [], receivedAt: now }));
        return applied.length;
      }),
    );
  }
}

/** The case goes back to its queue as if its holder had released it. */
function expiryEvent(c: CaseRecord, now: number) {
  const to = c.state === 'doc_check' ? 'submitted' : c.state;
  if (to !== c.state && !canTransition(c.state, to)) throw new Error(`lease expiry: no transition ${c.state} → ${to}`);
  const ctx = {
    actor: { ...SYSTEM_ACTOR, roles: [], team: null },
    now: new Date(now).toISOString(),
    calendar: DEFAULT_CALENDAR,
    sla: DEFAULT_SLA_POLICY,
    // A release consults no authority; the event builder only needs the clock and the SLA policy.
    authority: { version: 0, rules: [] },
    lookupUser: () => undefined,
  };
  return event(c, 'released', ctx, { to, assignee: null, details: { reason: 'leaseExpired', holder: c.assigneeName } });
}
