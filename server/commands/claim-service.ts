import { CLAIMABLE_QUEUES, mayOpenQueue, type QueueId } from '../../shared/api/queues';
import { fail, ok, type Result } from '../../shared/errors';
import type { ClaimNextRequest, CommandOutcome } from '../../shared/sync/protocol';
import { CentralAuth } from '../auth/central-auth';
import type { TokenClaims } from '../auth/token';
import type { ServerConfig } from '../config';
import type { CentralDb, Row } from '../db/central-db';
import { lit } from '../db/sql-literal';
import { applyCommand, type WorkingSet } from './case-engine';
import { AUTHORITY_SQL, authorityOf } from './authority-rows';
import { CASE_ROW_COLUMNS, toCaseRow } from './case-rows';
import { answerOf, knownCommandsSql, storedAnswer, withRetry } from './push-service';
import { writePlan } from './write-plan';

/** Which unclaimed cases a queue offers (the desktop's queue-query.ts says the same in SQLite). */
const QUEUE_CASES: Partial<Record<QueueId, string>> = {
  doc_check: "state = 'submitted'",
  approval_retail: "team = 'retail' AND state = 'approval'",
  approval_corporate: "team = 'corporate' AND state = 'approval'",
  confirm: "state = 'proposed'",
  investigation: "state = 'investigation'",
  contract_desk: "state = 'approved'",
};

/** Candidates a person may not hold are left out in SQL already (segregation of duties, the confirming team). */
function sodFilter(queue: QueueId, uid: string): string {
  const me = lit(uid);
  // Everyone who ever passed the case's document check may not approve it (record.checkers).
  const notChecker = ` AND NOT (coalesce(record->'checkers', '[]'::jsonb) ? ${me})`;
  if (queue === 'approval_retail' || queue === 'approval_corporate') return notChecker;
  if (queue === 'confirm') {
    const team = `(SELECT u.team FROM users u WHERE u.id = ${me})`;
    return `${notChecker} AND proposal_by IS DISTINCT FROM ${me} AND (${team} IS NULL OR team = ${team})`;
  }
  return '';
}

function candidateSql(queue: QueueId, uid: string, skip: readonly string[]): string {
  const skipped = skip.length ? ` AND id NOT IN (${skip.map(lit).join(', ')})` : '';
  return `SELECT ${CASE_ROW_COLUMNS} FROM cases WHERE assignee_id IS NULL AND ${QUEUE_CASES[queue]}${sodFilter(queue, uid)}${skipped}
    ORDER BY priority DESC, sla_due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`;
}

/** Refusals after which the next candidate is tried (someone may simply not hold this one). */
const TRY_NEXT = ['conflict', 'sod-violation', 'forbidden'];
const MAX_CANDIDATES = 20;

/**
 * 领取下一件, decided by the server: the most urgent unclaimed case of the queue that no other transaction
 * holds (FOR UPDATE SKIP LOCKED, so sixteen clerks claiming at once each get a different case without
 * waiting on one another), checked with the shared `claim` decide for the authenticated user, and written
 * with a lease. Two round trips: the session, the repeat check and the candidate together; then the writes
 * with the commit.
 */
export class ClaimService {
  constructor(private readonly deps: { db: CentralDb; config: ServerConfig; auth: CentralAuth }) {}

  claimNext(claims: TokenClaims, req: ClaimNextRequest): Promise<Result<CommandOutcome>> {
    const { queue, commandId } = req;
    if (!CLAIMABLE_QUEUES.includes(queue) || !QUEUE_CASES[queue]) return Promise.resolve(fail('forbidden', '该队列不能领取案件', 'Cases cannot be claimed from this queue'));
    return withRetry(() =>
      this.deps.db.transaction(async (tx): Promise<Result<CommandOutcome>> => {
        const [sessionRows, known, authority, first] = await tx.batch(
          [CentralAuth.sessionSql(claims), knownCommandsSql([commandId]), AUTHORITY_SQL, candidateSql(queue, claims.uid, [])].join(';\n'),
        );
        const session = this.deps.auth.sessionFrom(sessionRows!, claims);
        if (!session.ok) return session;
        if (known![0]) return ok(storedAnswer(known![0], new Map(), null));
        if (!mayOpenQueue(queue, session.value.info)) return fail('forbidden', '您无权查看该队列', 'You may not open this queue');

        const now = this.deps.config.now();
        const matrix = authorityOf(authority!);
        const skipped: string[] = [];
        let candidate: Row | undefined = first![0];
        for (let i = 0; i < MAX_CANDIDATES && candidate; i++) {
          const ws: WorkingSet = new Map([[candidate.id as string, toCaseRow(candidate)]]);
          const o = applyCommand(ws, { commandId, name: 'claim', payload: { caseId: candidate.id }, createdAt: null }, session.value.actor, {
            now,
            leaseMs: this.deps.config.leaseMs,
            authority: matrix,
            lookupUser: () => undefined,
          });
          if (o.status === 'accepted') {
            await tx.commitWith(writePlan({ applied: [o], answers: [o], receivedAt: now }));
            return ok(answerOf(o));
          }
          if (!TRY_NEXT.includes(o.error.code)) return ok(answerOf(o));
          skipped.push(candidate.id as string);
          candidate = (await tx.query(candidateSql(queue, claims.uid, skipped)))[0];
        }
        return ok({
          commandId,
          status: 'rejected',
          error: fail('not-found', '队列中暂无可领取的案件', 'There is no case to claim in this queue').error,
          case: null,
        });
      }),
    );
  }
}
