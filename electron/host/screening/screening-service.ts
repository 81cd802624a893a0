import { randomUUID } from 'node:crypto';
import type { CaseChange } from '../../../shared/api/schemas';
import { SYSTEM_ACTOR } from '../../../shared/auth/system-user';
import { noScreeningResult, overrideBaseline } from '../../../shared/commands/screening-overrides';
import type { Actor } from '../../../shared/commands/types';
import type { CaseRecord } from '../../../shared/domain/case';
import { AppErrorException, fail, ok, type Result } from '../../../shared/errors';
import { negativeListProbes } from '../../../shared/screening/negative-list-match';
import { screenApplication, screeningOutcomePayload, type ScreeningEvaluation } from '../../../shared/screening/screen-case';
import { shanghaiDate } from '../../../shared/sla/working-time';
import type { CommandService, Executed } from '../commands/command-service';
import type { Db } from '../db/database';
import { log } from '../log';
import type { CaseRepo } from '../store/case-repo';
import type { NegativeListRepo } from './negative-list-repo';
import type { RuleSetRepo } from './rule-set-repo';
import type { OverrideRecord, ScreeningRecord, ScreeningResultRepo } from './screening-result-repo';

export interface ScreeningServiceDeps {
  db: Db;
  cases: CaseRepo;
  commands: CommandService;
  rules: RuleSetRepo;
  negativeList: NegativeListRepo;
  results: ScreeningResultRepo;
  now: () => number;
}

export interface Effective {
  limitFen: number;
  rateBp: number;
  limitOverride: OverrideRecord | null;
  rateOverride: OverrideRecord | null;
}

/**
 * 风险筛查/测额/定价, run automatically when a case enters `screening`: look the parties up in the
 * negative list, evaluate the rules, estimate the limit and price with the policy version in force, store
 * the result and record the outcome with `completeScreening` as the system user — result and command in
 * one transaction, after (never inside) the clerk's own command.
 */
export class ScreeningService {
  private readonly pending = new Set<string>();
  private scheduled = false;
  private started = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  private readonly pendingStmt;

  constructor(private readonly deps: ScreeningServiceDeps) {
    this.pendingStmt = deps.db.prepare<[], { id: string }>("SELECT id FROM cases WHERE state = 'screening' ORDER BY stage_entered_at, rowid");
  }

  /** Told about every committed change (CommandService.onChange); queues the cases that entered screening. */
  onCommitted(changes: readonly CaseChange[]): void {
    if (!this.started || this.closed) return;
    for (const c of changes) if (c.state === 'screening') this.pending.add(c.caseId);
    if (this.pending.size > 0 && !this.scheduled) {
      this.scheduled = true;
      // Next turn of the event loop: the clerk's call returns first, screening runs in its own transaction.
      setImmediate(() => this.drain());
    }
  }

  /** Starts listening and screens every case already waiting (e.g. demo cases seeded in `screening`). */
  start(): number {
    this.started = true;
    return this.screenPending();
  }

  /** Cases left in `screening` (before a restart, or by a seed) are screened in batches. */
  screenPending(): number {
    const ids = this.pendingStmt.all().map((r) => r.id);
    let screened = 0;
    // One transaction per batch rather than per case: at start-up there is nobody to see intermediate states,
    // and a durable commit per case would cost a disk sync each. Each case is still its own savepoint.
    for (let i = 0; i < ids.length; i += 200) {
      this.deps.db.transaction(() => {
        for (const id of ids.slice(i, i + 200)) {
          const r = this.screenCase(id);
          if (r.ok && r.value) screened += 1;
          else if (!r.ok) log.error('screening', `case could not be screened: ${r.error.code} ${r.error.messageEn}`);
        }
      })();
    }
    if (ids.length > 0) log.info('screening', `筛查待处理案件 / screened ${screened} of ${ids.length} waiting cases`);
    return screened;
  }

  /** Resolves once every queued case has been screened (tests and shutdown wait on it). */
  whenIdle(): Promise<void> {
    if (!this.scheduled && this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    this.pending.clear();
    this.wakeIdle();
  }

  /** The case as commands see it (the read side for the screening API). */
  caseRecord(caseId: string): CaseRecord | null {
    return this.deps.cases.get(caseId);
  }

  /** The evaluation of a case now, without storing anything (the benchmark measures this). */
  evaluate(c: CaseRecord): ScreeningEvaluation {
    const { version, policy } = this.deps.rules.current();
    const matches = this.deps.negativeList.match(negativeListProbes(c.data));
    return screenApplication({ data: c.data, asOf: shanghaiDate(new Date(this.deps.now()).toISOString()), matches, policy, version });
  }

  /** Screens one case if it is (still) in `screening`; null if there was nothing to do. */
  screenCase(caseId: string): Result<ScreeningRecord | null> {
    const { db, cases, commands, results } = this.deps;
    const c = cases.get(caseId);
    if (!c || c.state !== 'screening') return ok(null);
    const evaluation = this.evaluate(c);
    const screenedAt = new Date(this.deps.now()).toISOString();
    const commandId = randomUUID();
    try {
      return db.transaction((): Result<ScreeningRecord> => {
        const id = results.insert(caseId, evaluation, screenedAt, commandId);
        const r = commands.execute(
          SYSTEM_ACTOR,
          'completeScreening',
          screeningOutcomePayload(caseId, evaluation),
          commandId,
        );
        if (!r.ok) throw new AppErrorException(r.error); // the stored result goes with the refused command
        return ok({ id, caseId, screenedAt, commandId, evaluation });
      })();
    } catch (e) {
      if (e instanceof AppErrorException) return { ok: false, error: e.appError };
      throw e;
    }
  }

  /** The figures in force: the latest override of each, else the screening's own. */
  effective(rec: ScreeningRecord): Effective {
    const overrides = this.deps.results.overrides(rec.caseId, rec.id);
    const limitOverride = overrides.filter((o) => o.limitFen !== null).at(-1) ?? null;
    const rateOverride = overrides.filter((o) => o.rateBp !== null).at(-1) ?? null;
    return {
      limitFen: limitOverride?.limitFen ?? rec.evaluation.limit.limitFen,
      rateBp: rateOverride?.rateBp ?? rec.evaluation.price.rateBp,
      limitOverride,
      rateOverride,
    };
  }

  /**
   * An officer's override of the limit or rate: checked by the `overrideScreening` command against a
   * baseline taken from the stored result and the policy version that produced it, recorded in the same
   * transaction as the command (so the audit trail and the override table never disagree).
   */
  override(actor: Actor, input: { caseId: string; limitFen?: number; rateBp?: number; reason: string }): Result<Executed> {
    const { db, commands, results, rules } = this.deps;
    const rec = results.latest(input.caseId);
    if (!rec) return noScreeningResult();
    const version = rules.version(rec.evaluation.ruleSetVersion);
    if (!version) return fail('internal', '筛查规则版本缺失', 'The rule-set version of the screening is missing');
    const baseline = overrideBaseline(rec, version.policy, results.overrides(rec.caseId, rec.id));
    const commandId = randomUUID();
    const at = new Date(this.deps.now()).toISOString();
    return db.transaction((): Result<Executed> => {
      const r = commands.execute(actor, 'overrideScreening', { ...input, baseline }, commandId);
      if (!r.ok) return r;
      results.insertOverride({
        caseId: input.caseId,
        resultId: rec.id,
        limitFen: input.limitFen ?? null,
        rateBp: input.rateBp ?? null,
        reason: input.reason.trim(),
        actorId: actor.id,
        actorName: actor.name,
        at,
        commandId,
      });
      return r;
    })();
  }

  private drain(): void {
    this.scheduled = false;
    if (this.closed || !this.deps.db.open) {
      this.pending.clear();
      return this.wakeIdle();
    }
    while (this.pending.size > 0) {
      const [caseId] = this.pending;
      this.pending.delete(caseId!);
      try {
        const r = this.screenCase(caseId!);
        if (!r.ok) log.error('screening', `case could not be screened: ${r.error.code} ${r.error.messageEn}`);
      } catch (e) {
        // The case stays in `screening`; it is picked up again at the next start.
        log.error('screening', 'screening failed', e);
      }
    }
    this.wakeIdle();
  }

  private wakeIdle(): void {
    if (this.scheduled || this.pending.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
