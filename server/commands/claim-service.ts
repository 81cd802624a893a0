import { CLAIMABLE_QUEUES, mayOpenQueue, type QueueId } from '../../shared/api/queues';
import { fail, ok, type Result } from '../../shared/errors';
import type { ClaimNextRequest, CommandOutcome } from '../../shared/sync/protocol';
import { CentralAuth } from '../auth/central-auth';
import type { TokenClaims } from '../auth/token';
import type { ServerConfig } from '../config';
import { pgErrorCode, type CentralDb, type Row, type Tx } from '../db/central-db';
import { lit, litTextArray } from '../db/sql-literal';
import { execute, type StatementName } from '../db/statements';
import type { AuthorityMatrix } from '../../shared/approval/authority';
import { applyCommand, type Accepted, type WorkingSet } from './case-engine';
import { authorityOf } from './authority-rows';
import { toCaseRow } from './case-rows';
import { answerOf, knownCommandsSql, storedAnswer, withRetry } from './push-service';
import { writePlan } from './write-plan';

/** Claimable queues (statements.ts says which cases each offers, as the desktop's queue-query.ts does). */
const CLAIMABLE = new Set<QueueId>(['doc_check', 'approval_retail', 'approval_corporate', 'confirm', 'investigation', 'contract_desk']);

/** Refusals after which the next candidate is tried (someone may simply not hold this one). */
const TRY_NEXT = ['conflict', 'sod-violation', 'forbidden'];
const MAX_CANDIDATES = 20;
/** Claims of one queue decided together in one transaction, and such transactions running at once. */
const MAX_BATCH = 32;
const BATCHES_IN_FLIGHT = 2;
/**
 * A second transaction starts beside a running one only for a group at least this big: every transaction
 * costs PostgreSQL a BEGIN, a COMMIT and its statements, so small groups that could have waited a moment for
 * the running one cost more than they gain.
 */
const MIN_SECOND_BATCH = 8;
/**
 * Candidates read beyond one per claim, for claims the first candidates are refused to (SoD, team): only the
 * approval queues hold cases that one person may take and another may not. Elsewhere spares would only be
 * read, locked and parsed for nothing.
 */
const SPARE_CANDIDATES: Partial<Record<QueueId, number>> = { approval_retail: 2, approval_corporate: 2, confirm: 2 };

interface Waiting {
  claims: TokenClaims;
  req: ClaimNextRequest;
  done(r: Result<CommandOutcome>): void;
  failed(e: unknown): void;
}

const nothingToClaim = (commandId: string): CommandOutcome => ({
  commandId,
  status: 'rejected',
  error: fail('not-found', '队列中暂无可领取的案件', 'There is no case to claim in this queue').error,
  case: null,
});

/**
 * 领取下一件, decided by the server: the most urgent unclaimed cases of the queue that no other transaction
 * holds (FOR UPDATE SKIP LOCKED, so sixteen clerks claiming at once each get a different case without
 * waiting on one another), each checked with the shared `claim` decide for the authenticated user, and
 * written with a lease.
 *
 * Requests that arrive at this instance while a claim transaction of the same queue is running are decided
 * together in the next one (two round trips for the whole group instead of two each). This is only
 * coalescing: which case goes to whom is still settled by PostgreSQL's row locks, and each request keeps
 * its own command id, answer and audit entry, so any number of instances can run side by side.
 */
export class ClaimService {
  private readonly lines = new Map<QueueId, { waiting: Waiting[]; running: number; scheduled: boolean }>();

  constructor(private readonly deps: { db: CentralDb; config: ServerConfig; auth: CentralAuth }) {}

  claimNext(claims: TokenClaims, req: ClaimNextRequest): Promise<Result<CommandOutcome>> {
    if (!CLAIMABLE_QUEUES.includes(req.queue) || !CLAIMABLE.has(req.queue)) {
      return Promise.resolve(fail('forbidden', '该队列不能领取案件', 'Cases cannot be claimed from this queue'));
    }
    return new Promise((done, failed) => {
      let line = this.lines.get(req.queue);
      if (!line) this.lines.set(req.queue, (line = { waiting: [], running: 0, scheduled: false }));
      line.waiting.push({ claims, req, done, failed });
      // Requests read in the same turn of the event loop (sixteen clerks at once) go into one group:
      // starting on the first at once would send most groups off with a single claim.
      if (!line.scheduled) {
        line.scheduled = true;
        setImmediate(() => {
          line.scheduled = false;
          this.pump(req.queue);
        });
      }
    });
  }

  private pump(queue: QueueId): void {
    const line = this.lines.get(queue)!;
    while (line.waiting.length > 0 && (line.running === 0 || (line.running < BATCHES_IN_FLIGHT && line.waiting.length >= MIN_SECOND_BATCH))) {
      const batch = line.waiting.splice(0, MAX_BATCH);
      line.running++;
      void this.run(queue, batch).finally(() => {
        line.running--;
        this.pump(queue);
      });
    }
  }

  private async run(queue: QueueId, batch: Waiting[]): Promise<void> {
    let left = batch;
    if (batch.length > 1) {
      try {
        left = await this.deps.db.transaction((tx) => this.decideBatch(tx, queue, batch));
      } catch (e) {
        // Another request got there first (a repeated command id, a lock): decide each one on its own.
        if (pgErrorCode(e) === null) {
          for (const w of batch) w.failed(e);
          return;
        }
        left = batch;
      }
    }
    for (const w of left) {
      try {
        w.done(await this.claimOne(w.claims, w.req));
      } catch (e) {
        w.failed(e);
      }
    }
  }

  /**
   * Decides a group of claims in one transaction; returns those that must be tried on their own. A command
   * id seen before is not looked up here: its answer is already a row of `commands`, so writing it again
   * violates the key, the whole group rolls back, and `run` decides each claim alone — where a repeated id
   * gets its first answer. (Repeats are rare; the lookup for every group was not.)
   */
  private async decideBatch(tx: Tx, queue: QueueId, batch: Waiting[]): Promise<Waiting[]> {
    const [sessions, authority, candidates] = await tx.batch(
      [
        execute('sessions', litTextArray(batch.map((w) => w.claims.sid))),
        execute('authority'),
        execute(`batch_${queue}` as StatementName, lit(batch.length + (SPARE_CANDIDATES[queue] ?? 0))),
      ].join(';\n'),
    );
    const pool = candidates!.map((r) => ({ row: r, taken: false }));
    const matrix = authorityOf(authority!);
    const now = this.deps.config.now();
    const accepted: Accepted[] = [];
    const answered: [Waiting, Result<CommandOutcome>][] = [];
    const alone: Waiting[] = [];
    for (const w of batch) {
      const session = this.deps.auth.sessionFrom(
        sessions!.filter((r) => r.sid === w.claims.sid && r.id === w.claims.uid),
        w.claims,
      );
      if (!session.ok) answered.push([w, session]);
      else if (!mayOpenQueue(queue, session.value.info)) answered.push([w, fail('forbidden', '您无权查看该队列', 'You may not open this queue')]);
      else {
        const o = this.firstAccepted(pool, w.req.commandId, session.value.actor, now, matrix);
        if (o) {
          accepted.push(o);
          answered.push([w, ok(answerOf(o))]);
        } else alone.push(w);
      }
    }
    if (accepted.length > 0) await tx.commitWith(writePlan({ applied: accepted, answers: accepted, receivedAt: now }));
    for (const [w, r] of answered) w.done(r);
    return alone;
  }

  private firstAccepted(pool: { row: Row; taken: boolean }[], commandId: string, actor: Parameters<typeof applyCommand>[2], now: number, matrix: AuthorityMatrix): Accepted | null {
    for (const c of pool) {
      if (c.taken) continue;
      const ws: WorkingSet = new Map([[c.row.id as string, toCaseRow(c.row)]]);
      const o = applyCommand(ws, { commandId, name: 'claim', payload: { caseId: c.row.id }, createdAt: null }, actor, {
        now,
        leaseMs: this.deps.config.leaseMs,
        authority: matrix,
        lookupUser: () => undefined,
      });
      if (o.status === 'accepted') {
        c.taken = true;
        return o;
      }
    }
    return null;
  }

  /**
   * One claim in its own transaction, two round trips: the session, the repeat check and the first
   * candidate together; then the writes with the commit. Candidates this person may not hold are passed.
   */
  private claimOne(claims: TokenClaims, req: ClaimNextRequest): Promise<Result<CommandOutcome>> {
    const { queue, commandId } = req;
    const statement = `claim_${queue}` as StatementName;
    const candidateSql = (skip: readonly string[]) => execute(statement, lit(claims.uid), litTextArray(skip));
    return withRetry(() =>
      this.deps.db.transaction(async (tx): Promise<Result<CommandOutcome>> => {
        const [sessionRows, known, authority, first] = await tx.batch(
          [CentralAuth.sessionSql(claims), knownCommandsSql([commandId]), execute('authority'), candidateSql([])].join(';\n'),
        );
        const session = this.deps.auth.sessionFrom(sessionRows!, claims);
        if (!session.ok) return session;
        if (known![0]) return ok(storedAnswer(known![0], new Map(), null, session.value.actor.id));
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
          candidate = (await tx.batch(candidateSql(skipped)))[0]![0];
        }
        return ok(nothingToClaim(commandId));
      }),
    );
  }
}
