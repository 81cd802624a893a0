import { SYSTEM_ACTOR } from '../../shared/auth/system-user';
import type { CaseRecord } from '../../shared/domain/case';
import { screenApplication, screeningOutcomePayload, type ScreeningEvaluation } from '../../shared/screening/screen-case';
import { shanghaiDate } from '../../shared/sla/working-time';
import type { ScreeningWire } from '../../shared/sync/protocol';
import { loggableError } from '../../shared/domain/masking';
import { authorityOf } from '../commands/authority-rows';
import { applyCommand, type Accepted, type WorkingSet } from '../commands/case-engine';
import { CASE_ROW_COLUMNS, toCaseRow } from '../commands/case-rows';
import { withRetry } from '../commands/push-service';
import { writePlan } from '../commands/write-plan';
import type { ServerConfig } from '../config';
import type { CentralDb, Row, Tx } from '../db/central-db';
import { lit, litTextArray } from '../db/sql-literal';
import { negativeListMatches } from './negative-list-lookup';
import type { ServerRuleSet, ServerRuleSets } from './rule-sets';

/** Cases screened per transaction. */
const BATCH = 100;

/**
 * The id of the `completeScreening` that records a case's screening: one per entry into `screening` (the
 * case's version when it entered), so the `commands` primary key and the result's unique command id both
 * say "this stay in screening was screened" — whichever instance, sweep or retry gets there.
 */
export const screeningCommandId = (c: CaseRecord) => `screening-${c.id}-v${c.version}`;

/**
 * 风险筛查 · 测额 · 定价 on the central server, the authority: when a pushed command leaves a case in
 * `screening`, the server screens it right after that push committed, in its own transaction — the same
 * pure screening as the standalone desktop (shared/screening) with the server's negative list and policy
 * version, and the outcome recorded through the shared `completeScreening` as the system user, with its
 * audit entry and its feed change. The change carries the screening itself, so every desktop that pulls it
 * shows the result. Cases found waiting in `screening` (after a restart, seeded demo data, a screening that
 * failed) are taken by `screenPending`, at start and on each sweep; SKIP LOCKED keeps instances apart.
 */
export class ServerScreening {
  private readonly queue = new Set<string>();
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly deps: { db: CentralDb; config: ServerConfig; rules: ServerRuleSets }) {}

  /** Cases a committed push left in `screening`: screened after the push has answered. */
  enqueue(caseIds: Iterable<string>): void {
    if (this.closed) return;
    for (const id of caseIds) this.queue.add(id);
    if (this.queue.size > 0 && !this.running) this.running = this.drain();
  }

  /** Resolves once every queued case has been screened (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops taking work and waits for the screening under way. */
  async close(): Promise<void> {
    await this.whenIdle();
    this.closed = true;
  }

  /** Screens every case waiting in `screening`, in batches; returns how many were screened. */
  async screenPending(): Promise<number> {
    let screened = 0;
    let after = '';
    for (;;) {
      const batch = await this.inTransaction(async (tx) => {
        const rows = await tx.query(
          `SELECT ${CASE_ROW_COLUMNS} FROM cases WHERE state = 'screening' AND id > ${lit(after)} ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        );
        return { last: rows.length ? (rows[rows.length - 1]!.id as string) : null, screened: await this.screenLocked(tx, rows), seen: rows.length };
      });
      screened += batch.screened;
      if (batch.last === null || batch.seen < BATCH) return screened;
      after = batch.last;
    }
  }

  /** Screens the given cases if they are (still) in `screening`; returns how many were screened. */
  async screenCases(caseIds: readonly string[]): Promise<number> {
    return this.inTransaction(async (tx) => {
      // Plain FOR UPDATE, in id order like every other writer: a case another transaction holds is waited for,
      // then looked at again (it may have been screened meanwhile, and is then no longer selected).
      const rows = await tx.query(`SELECT ${CASE_ROW_COLUMNS} FROM cases WHERE id = ANY(${litTextArray(caseIds)}) AND state = 'screening' ORDER BY id FOR UPDATE`);
      return this.screenLocked(tx, rows);
    });
  }

  private inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return withRetry(() => this.deps.db.transaction(fn));
  }

  private async drain(): Promise<void> {
    // The push's answer goes out first; screening is the server's work, not the clerk's wait.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.queue.size > 0 && !this.closed) {
        const batch = [...this.queue].slice(0, BATCH);
        for (const id of batch) this.queue.delete(id);
        try {
          await this.screenCases(batch);
        } catch (e) {
          // The cases stay in `screening`; the next sweep (or start) takes them.
          console.error(`[central] screening failed: ${loggableError(e)}`);
        }
      }
    } finally {
      this.running = null;
    }
  }

  /** Screens locked case rows and writes results, states, audit, feed and command answers; returns how many. */
  private async screenLocked(tx: Tx, rows: readonly Row[]): Promise<number> {
    if (rows.length === 0) return 0;
    const now = this.deps.config.now();
    const nowIso = new Date(now).toISOString();
    const asOf = shanghaiDate(nowIso);
    const ruleSet = await this.deps.rules.current(tx);
    const records = rows.map((r) => toCaseRow(r).record);
    const matches = await negativeListMatches(tx, records);
    const authority = authorityOf(await tx.query('SELECT version, rules FROM authority_matrix ORDER BY version DESC LIMIT 1'));
    const ws: WorkingSet = new Map(rows.map((r) => [r.id as string, toCaseRow(r)]));
    const screened: { applied: Accepted; evaluation: ScreeningEvaluation }[] = [];
    for (const c of records) {
      let evaluation: ScreeningEvaluation;
      try {
        evaluation = screenApplication({ data: c.data, asOf, matches: matches.get(c.id) ?? [], policy: ruleSet.policy, version: ruleSet.version });
      } catch (e) {
        console.error(`[central] case ${c.id} could not be screened: ${loggableError(e)}`);
        continue;
      }
      const payload = screeningOutcomePayload(c.id, evaluation);
      const o = applyCommand(ws, { commandId: screeningCommandId(c), name: 'completeScreening', payload, createdAt: null }, SYSTEM_ACTOR, {
        now,
        leaseMs: this.deps.config.leaseMs,
        authority,
        lookupUser: () => undefined,
      });
      if (o.status === 'rejected') {
        console.error(`[central] screening outcome of case ${c.id} refused: ${o.error.messageEn}`);
        continue;
      }
      screened.push({ applied: o, evaluation });
    }
    if (screened.length === 0) return 0;
    const ids = await this.insertResults(tx, screened, nowIso);
    for (const s of screened) {
      const wire: ScreeningWire = { resultId: ids.get(s.applied.commandId)!, screenedAt: nowIso, evaluation: s.evaluation, ...ruleSetOf(ruleSet) };
      s.applied.changeJson = JSON.stringify({ ...(JSON.parse(s.applied.changeJson) as object), screening: wire });
    }
    const applied = screened.map((s) => s.applied);
    await tx.commitWith(writePlan({ applied, answers: applied, receivedAt: now }));
    return applied.length;
  }

  private async insertResults(tx: Tx, screened: readonly { applied: Accepted; evaluation: ScreeningEvaluation }[], screenedAt: string): Promise<Map<string, number>> {
    const rows = screened.map(({ applied, evaluation: e }) => ({
      case_id: applied.caseId,
      command_id: applied.commandId,
      rule_set_version: e.ruleSetVersion,
      screened_at: screenedAt,
      outcome: e.outcome,
      team: e.team,
      risk_grade: e.riskGrade,
      limit_fen: e.limit.limitFen,
      rate_bp: e.price.rateBp,
      quota_exempt: e.price.quotaExempt,
      result: e,
    }));
    const inserted = await tx.query<{ id: number; command_id: string }>(
      `INSERT INTO screening_results (case_id, command_id, rule_set_version, screened_at, outcome, team, risk_grade, limit_fen, rate_bp, quota_exempt, result)
       SELECT case_id, command_id, rule_set_version, screened_at, outcome, team, risk_grade, limit_fen, rate_bp, quota_exempt, result
       FROM jsonb_to_recordset($1::jsonb) AS r(case_id text, command_id text, rule_set_version int, screened_at text, outcome text, team text,
         risk_grade text, limit_fen bigint, rate_bp int, quota_exempt boolean, result jsonb)
       RETURNING id, command_id`,
      [JSON.stringify(rows)],
    );
    return new Map(inserted.map((r) => [r.command_id, Number(r.id)]));
  }
}

/** Version 1 is on every desktop already; a later version travels with the results that used it. */
function ruleSetOf(set: ServerRuleSet): Pick<ScreeningWire, 'ruleSet'> {
  return set.version === 1 ? {} : { ruleSet: { version: set.version, policy: set.policy, note: set.note, createdBy: set.createdBy, createdAt: set.createdAt } };
}
