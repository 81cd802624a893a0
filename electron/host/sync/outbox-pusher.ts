import type { CaseChange } from '../../../shared/api/schemas';
import { isCommandName } from '../../../shared/commands/registry';
import { fail, type AppError } from '../../../shared/errors';
import { MAX_PUSH_COMMANDS, type CommandOutcome, type PushCommand } from '../../../shared/sync/protocol';
import { CentralUnreachable } from './central-client';
import { isAuthError, type SyncContext } from './sync-context';
import type { PendingCommand } from './sync-store';

/**
 * Sends the outbox to the server in order, each user's commands with that user's own token (the server
 * decides with whoever the token names). Commands of a user without a live token wait for that user to log
 * in again. Each answer is written back in one transaction: accepted commands take the server's case,
 * refused ones are rolled back to it and listed with the reason.
 */
export async function pushOutbox(ctx: SyncContext): Promise<void> {
  const blocked = new Set<string>();
  const singly = new Set<string>();
  for (let round = 0; round < 10_000 && ctx.active; round++) {
    const rows = ctx.store.pending(4 * MAX_PUSH_COMMANDS, ctx.tokens.users().filter((actor) => !blocked.has(actor)));
    const batch = nextBatch(rows, singly);
    if (batch.length === 0) return;
    const actor = batch[0]!.actorId;
    const commands = batch.map(toPushCommand);
    const malformed = commands.findIndex((c) => c === null);
    if (malformed >= 0) {
      answer(ctx, [batch[malformed]!], [refusal(batch[malformed]!, fail('validation', '本地待同步命令无法识别', 'A waiting command cannot be read').error)]);
      continue;
    }
    let res;
    try {
      res = await ctx.client.push(ctx.tokens.get(actor)!, commands as PushCommand[]);
    } catch (e) {
      if (e instanceof CentralUnreachable) return ctx.unreachable(e.why);
      throw e;
    }
    ctx.reachable();
    if (!ctx.active) return;
    if (res.ok) {
      answer(ctx, batch, res.value.results);
    } else if (isAuthError(res.error)) {
      // The server session is gone: this user's commands wait until he logs in again.
      ctx.tokens.drop(actor);
      blocked.add(actor);
    } else if (res.error.code === 'validation' && batch.length > 1) {
      // One command the server cannot read refuses the whole request: find it by sending them one by one.
      singly.add(actor);
    } else if (res.error.code === 'validation') {
      answer(ctx, batch, [refusal(batch[0]!, res.error)]);
    } else {
      return ctx.problem(res.error);
    }
  }
}

/** The first pushable command and those after it by the same user, in outbox order (`rows` are all pushable). */
function nextBatch(rows: PendingCommand[], singly: Set<string>): PendingCommand[] {
  const first = rows[0];
  if (!first) return [];
  const max = singly.has(first.actorId) ? 1 : MAX_PUSH_COMMANDS;
  const batch: PendingCommand[] = [];
  for (const r of rows) {
    if (batch.length >= max || r.actorId !== first.actorId) break; // keep the order between users who can both push
    batch.push(r);
  }
  return batch;
}

function toPushCommand(r: PendingCommand): PushCommand | null {
  if (!isCommandName(r.command)) return null;
  try {
    const payload = JSON.parse(r.payload) as unknown;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
    return { commandId: r.commandId, name: r.command, payload: payload as Record<string, unknown>, createdAt: r.createdAt };
  } catch {
    return null;
  }
}

function refusal(r: PendingCommand, error: AppError): CommandOutcome {
  return { commandId: r.commandId, status: 'rejected', error, case: null };
}

/** Writes the server's answers: outbox status, the server's case (rolling back refusals), the refusal list. */
function answer(ctx: SyncContext, batch: PendingCommand[], results: CommandOutcome[]): void {
  const byId = new Map(results.map((r) => [r.commandId, r]));
  const at = new Date(ctx.now()).toISOString();
  const changed: CaseChange[] = [];
  ctx.db.transaction(() => {
    const answered = batch.filter((r) => byId.has(r.commandId));
    for (const r of answered) {
      const o = byId.get(r.commandId)!;
      ctx.store.answer(r.commandId, o.status, o.status === 'accepted' ? { version: o.change.version } : { error: o.error });
    }
    for (const r of answered) {
      const o = byId.get(r.commandId)!;
      if (o.status === 'accepted') {
        ctx.replica.appendEvents(o.change);
        const c = ctx.replica.adopt(o.change.case);
        if (c) changed.push(c);
        continue;
      }
      ctx.store.recordRejection(r, o.error, at);
      if (r.caseId) ctx.replica.noteRefusal(r.caseId, r, o.error, at, o.case?.state ?? null);
      const c = o.case ? ctx.replica.adopt(o.case) : r.caseId ? ctx.replica.restore(r.caseId, ctx.store.caseBefore(r.commandId)) : null;
      if (c) changed.push(c);
    }
    for (const r of answered) ctx.store.forgetUndo(r.commandId);
  })();
  if (changed.length) ctx.emit(changed);
}
