import type { AuthorityMatrix } from '../../shared/approval/authority';
import { madeByServerOnly, SERVER_ONLY_COMMANDS } from '../../shared/commands/screening';
import { afterOverride, noScreeningResult, type OverrideBaseline } from '../../shared/commands/screening-overrides';
import type { UserRef } from '../../shared/commands/types';
import type { CaseRecord } from '../../shared/domain/case';
import { fail, type AppError } from '../../shared/errors';
import type { ChangeBody, CommandOutcome, PushCommand } from '../../shared/sync/protocol';
import type { ServerSession } from '../auth/central-auth';
import { userRefOf, type UserRow } from '../auth/user-rows';
import type { ServerConfig } from '../config';
import { pgErrorCode, PG_DEADLOCK, PG_SERIALIZATION_FAILURE, PG_UNIQUE_VIOLATION, type CentralDb, type Row, type Tx } from '../db/central-db';
import { litTextArray } from '../db/sql-literal';
import { execute } from '../db/statements';
import { overrideBaselines } from '../screening/override-baselines';
import { applyCommand, caseIdOf, type Accepted, type Outcome, type Rejected, type WorkingSet } from './case-engine';
import { authorityOf } from './authority-rows';
import { lockCasesSql, toCaseRow } from './case-rows';
import { writePlan } from './write-plan';

/**
 * 40001 also comes from the trigger that keeps the feed in commit order per case (migration 0150): a
 * transaction that would write a case over a younger one's committed change runs again with a new xid.
 */
const RETRYABLE = [PG_SERIALIZATION_FAILURE, PG_DEADLOCK];
/**
 * Unique keys whose violation means another transaction committed the same thing first, and whose retry
 * answers from what it committed: a repeated command id (the retry finds the first answer); a new case's
 * id or application number submitted by two requests at once (the retry finds the case or the number and
 * refuses the submit). Any other unique violation is not a race a retry can settle: it is thrown at once.
 * Matched by the error's `constraint` field, never by its message.
 */
const RACED_UNIQUE_KEYS = ['commands_pkey', 'cases_pkey', 'cases_app_no_key'];

function retryable(e: unknown): boolean {
  const code = pgErrorCode(e);
  if (code === PG_UNIQUE_VIOLATION) return RACED_UNIQUE_KEYS.includes(pgConstraint(e) ?? '');
  return code !== null && RETRYABLE.includes(code);
}

function pgConstraint(e: unknown): string | null {
  const c = typeof e === 'object' && e !== null ? (e as { constraint?: unknown }).constraint : undefined;
  return typeof c === 'string' ? c : null;
}

/** Runs `fn` again when PostgreSQL says another transaction got there first; the retry sees its result. */
export async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts || !retryable(e)) throw e;
    }
  }
}

/** A submit whose application number (申请编号, unique) another case has, or an earlier submit of the same push. */
export function appNoTaken(appNo: string): AppError {
  return fail('conflict', `申请编号 ${appNo} 已存在`, `Application number ${appNo} already exists`, { appNo }).error;
}

export function answerOf(o: Outcome): CommandOutcome {
  return o.status === 'accepted'
    ? { commandId: o.commandId, status: 'accepted', change: o.change }
    : { commandId: o.commandId, status: 'rejected', error: o.error, case: o.current };
}

export function usersSql(ids: readonly string[]): string {
  return execute('users', litTextArray(ids));
}

export function knownCommandsSql(ids: readonly string[]): string {
  return execute('known_commands', litTextArray(ids));
}

/**
 * The first answer to a command id seen before: the same status, reason and change — to the user who sent it.
 * Anyone else sending that id learns nothing of it (the answer carries a case).
 */
export function storedAnswer(row: Row, ws: WorkingSet, caseId: string | null, userId: string): CommandOutcome {
  const commandId = row.command_id as string;
  if (row.user_id !== userId) {
    return { commandId, status: 'rejected', error: fail('conflict', '命令编号已被其他用户使用', 'This command id was used by another user').error, case: null };
  }
  if (row.status === 'accepted' && typeof row.payload === 'string') {
    return { commandId, status: 'accepted', change: { ...(JSON.parse(row.payload) as Omit<ChangeBody, 'case'>), case: row.record as CaseRecord } };
  }
  return { commandId, status: 'rejected', error: row.error as AppError, case: (caseId && ws.get(caseId)?.record) || null };
}

/**
 * Push: the desktop's outbox, applied in order, each command exactly once. Commands are applied in chunks,
 * one transaction per chunk: the chunk's cases are locked (in id order), every command is decided with the
 * authenticated user, and the new states, audit entries, feed changes and answers are written in one round
 * trip with the commit. A command id already recorded gets its first answer back and changes nothing.
 */
export class PushService {
  private committed = 0;

  constructor(
    private readonly deps: {
      db: CentralDb;
      config: ServerConfig;
      /** Told, after the commit, of the cases the push left in `screening` (the server screens them). */
      onScreening?: (caseIds: string[]) => void;
    },
  ) {}

  async push(session: ServerSession, commands: readonly PushCommand[]): Promise<CommandOutcome[]> {
    const answers = new Map<string, CommandOutcome>();
    // A command id repeated within the push is the first command sent under it (a repeated id returns the first result).
    const firsts = new Map<string, PushCommand>();
    for (const c of commands) if (!firsts.has(c.commandId)) firsts.set(c.commandId, c);
    const unique = [...firsts.values()];
    for (let i = 0; i < unique.length; i += this.deps.config.pushChunk) {
      const chunk = unique.slice(i, i + this.deps.config.pushChunk);
      const replies = await withRetry(() => this.deps.db.transaction((tx) => this.applyChunk(tx, session, chunk)));
      for (const r of replies) answers.set(r.commandId, r);
      this.afterCommit(chunk.length);
      // A repeated command whose case still waits in screening counts too: screening it is idempotent.
      const screening = replies.flatMap((r) => (r.status === 'accepted' && r.change.case.state === 'screening' ? [r.change.caseId] : []));
      if (screening.length > 0) this.deps.onScreening?.(screening);
    }
    return commands.map((c) => answers.get(c.commandId)!);
  }

  private async applyChunk(tx: Tx, session: ServerSession, chunk: readonly PushCommand[]): Promise<CommandOutcome[]> {
    const caseIds = [...new Set(chunk.map((c) => caseIdOf(c.payload)).filter((id): id is string => id !== null))];
    const userIds = referencedUsers(chunk);
    const appNos = submittedAppNos(chunk);
    const [known, locked, users, authority, taken] = await tx.batch(
      [knownCommandsSql(chunk.map((c) => c.commandId)), lockCasesSql(caseIds), usersSql(userIds), execute('authority')]
        .concat(appNos.length > 0 ? [takenAppNosSql(appNos)] : [])
        .join(';\n'),
    );
    const matrix = authorityOf(authority!);
    const initial: WorkingSet = new Map(caseIds.map((id) => [id, null]));
    for (const r of locked!) initial.set(r.id as string, toCaseRow(r));
    const knownById = new Map(known!.map((r) => [r.command_id as string, r]));
    const userMap = new Map((users as unknown as UserRow[]).map((u) => [u.id, userRefOf(u)]));

    // An override is measured against the server's own screening result, never a baseline a desktop sent.
    const overridden = [...new Set(chunk.filter((c) => c.name === 'overrideScreening' && !knownById.has(c.commandId)).map((c) => caseIdOf(c.payload)))];
    const baselines = await overrideBaselines(tx, overridden.filter((id): id is string => id !== null));
    const now = this.deps.config.now();
    const refused = new Map<string, AppError>();
    const decide = () => this.decideAll(chunk, initial, knownById, userMap, session, { now, matrix, baselines, refused });
    let decided = decide();
    if (decided.missingUsers.length > 0) {
      // A command looked up a user nobody named in advance: fetch them and decide the chunk again (decide is
      // pure). Once only: a user still missing after that does not exist, and decide says so.
      for (const u of (await tx.batch(usersSql(decided.missingUsers)))[0] as unknown as UserRow[]) userMap.set(u.id, userRefOf(u));
      decided = decide();
    }
    // A new case's application number must be free: a submit that would violate `cases_app_no_key` is refused
    // on its own (the chunk decided again without it), rather than failing the whole chunk's transaction.
    const appNoInUse = new Map<string, boolean>(appNos.map((n) => [n, false]));
    for (const r of taken ?? []) appNoInUse.set(r.app_no as string, true);
    for (;;) {
      const created = casesCreated(decided.outcomes);
      const unseen = [...new Set(created.map((c) => c.appNo))].filter((n) => !appNoInUse.has(n));
      if (unseen.length > 0) {
        // Not among the numbers read with the chunk (the schema normalised it): look those up too.
        for (const n of unseen) appNoInUse.set(n, false);
        for (const r of (await tx.batch(takenAppNosSql(unseen)))[0]!) appNoInUse.set(r.app_no as string, true);
      }
      const usedHere = new Set<string>();
      let more = false;
      for (const c of created) {
        if (appNoInUse.get(c.appNo) || usedHere.has(c.appNo)) {
          refused.set(c.commandId, appNoTaken(c.appNo));
          more = true;
        }
        usedHere.add(c.appNo);
      }
      if (!more) break;
      decided = decide();
    }
    const outcomes = decided.outcomes;
    if (outcomes.length > 0) {
      const applied = outcomes.filter((o): o is Accepted => o.status === 'accepted');
      await tx.commitWith(writePlan({ applied, answers: outcomes, receivedAt: now }));
    }
    return decided.replies;
  }

  private decideAll(
    chunk: readonly PushCommand[],
    initial: WorkingSet,
    known: Map<string, Row>,
    users: Map<string, UserRef>,
    session: ServerSession,
    at: { now: number; matrix: AuthorityMatrix; baselines: ReadonlyMap<string, OverrideBaseline>; refused: ReadonlyMap<string, AppError> },
  ) {
    const ws: WorkingSet = new Map(initial);
    const baselines = new Map(at.baselines);
    const missing = new Set<string>();
    const lookupUser = (id: string) => {
      const u = users.get(id);
      if (!u) missing.add(id);
      return u;
    };
    const outcomes: Outcome[] = [];
    const replies: CommandOutcome[] = [];
    for (const c of chunk) {
      const stored = known.get(c.commandId);
      if (stored) {
        replies.push(storedAnswer(stored, ws, caseIdOf(c.payload), session.actor.id));
        continue;
      }
      const caseId = caseIdOf(c.payload);
      const override = c.name === 'overrideScreening' && caseId !== null;
      const baseline = override ? baselines.get(caseId) : undefined;
      // Refused before `decide`: a command only the server issues, an override of a case the server has no
      // screening result for, a submit of a taken application number. An override is decided on the server's
      // own baseline.
      const refusal = SERVER_ONLY_COMMANDS.has(c.name)
        ? madeByServerOnly().error
        : override && !baseline
          ? noScreeningResult().error
          : (at.refused.get(c.commandId) ?? null);
      const payload = baseline ? { ...c.payload, baseline } : c.payload;
      const o = refusal
        ? refuse(c, session, caseId, ws, refusal)
        : applyCommand(ws, { commandId: c.commandId, name: c.name, payload, createdAt: c.createdAt }, session.actor, {
            now: at.now,
            leaseMs: this.deps.config.leaseMs,
            authority: at.matrix,
            lookupUser,
          });
      // A second override of the same result in this push is measured against the first.
      if (o.status === 'accepted' && baseline) baselines.set(caseId!, afterOverride(baseline, c.payload as { limitFen?: number; rateBp?: number }));
      outcomes.push(o);
      replies.push(answerOf(o));
    }
    return { outcomes, replies, missingUsers: [...missing] };
  }

  private afterCommit(n: number): void {
    this.committed += n;
    const limit = this.deps.config.crashAfterCommits;
    if (limit !== undefined && this.committed >= limit) process.kill(process.pid, 'SIGKILL');
  }
}

/** Users named in payloads (an assignee); fetched with the chunk so `decide` can look them up synchronously. */
function referencedUsers(chunk: readonly PushCommand[]): string[] {
  const ids = new Set<string>();
  for (const c of chunk) {
    const a = c.payload.assigneeId;
    if (typeof a === 'string' && a.length > 0 && a.length <= 64) ids.add(a);
  }
  return [...ids];
}

/** Application numbers of the chunk's submits, as the schema will read them (trimmed). */
function submittedAppNos(chunk: readonly PushCommand[]): string[] {
  const nos = new Set<string>();
  for (const c of chunk) {
    const data = c.name === 'submit' ? (c.payload as { data?: { appNo?: unknown } }).data : undefined;
    const n = typeof data === 'object' && data !== null && typeof data.appNo === 'string' ? data.appNo.trim() : '';
    if (n.length > 0 && n.length <= 32) nos.add(n);
  }
  return [...nos];
}

function takenAppNosSql(appNos: readonly string[]): string {
  return execute('taken_app_nos', litTextArray(appNos));
}

/** The accepted commands that create a case (the first accepted one of a case not in the table), in order. */
function casesCreated(outcomes: readonly Outcome[]): { commandId: string; appNo: string }[] {
  const seen = new Set<string>();
  const created: { commandId: string; appNo: string }[] = [];
  for (const o of outcomes) {
    if (o.status !== 'accepted' || o.row.stored !== null || seen.has(o.caseId)) continue;
    seen.add(o.caseId);
    created.push({ commandId: o.commandId, appNo: o.row.record.data.appNo });
  }
  return created;
}

/** A command refused before `decide` (the server lacks what deciding it needs), answered like any refusal. */
function refuse(c: PushCommand, session: ServerSession, caseId: string | null, ws: WorkingSet, error: AppError): Rejected {
  return {
    status: 'rejected',
    commandId: c.commandId,
    name: c.name,
    userId: session.actor.id,
    caseId,
    clientCreatedAt: c.createdAt,
    error,
    current: caseId === null ? null : (ws.get(caseId)?.record ?? null),
  };
}
