import { randomUUID } from 'node:crypto';
import { CLAIMABLE_QUEUES, mayOpenQueue, type QueueId } from '../../../shared/api/queues';
import type { CaseChange } from '../../../shared/api/schemas';
import { fail, ok, type Result } from '../../../shared/errors';
import type { CommandOutcome } from '../../../shared/sync/protocol';
import type { Session } from '../auth/auth-service';
import { onServer } from './server-call';
import type { SyncService } from './sync-service';

/** How long an unanswered 领取下一件's id is sent again (shorter than any lease the server gives). */
const KEEP_UNANSWERED_MS = 10 * 60_000;

export const offlineClaim = () =>
  fail(
    'offline',
    '当前离线，不能领取案件：领取须由中央服务器确认，以免同一案件被两人同时处理。网络恢复后即可领取',
    'Offline: claiming needs the central server, so that no case is worked by two people at once. You can claim again once the connection is back',
  );

/**
 * Claims are decided by the central server while online: this desktop first sends what it still owes the
 * server, then asks it to claim; the answer (a claim, or who holds the case) is written locally. Offline a
 * claim is refused with the reason, so that two desktops never hand the same case to two people.
 */
export class ServerClaims {
  /**
   * The command id of a 领取下一件 the server may have carried out without its answer arriving (the desktop
   * went offline while asking), by user and queue. Asking again sends the same id, so the server answers with
   * the case it handed over then instead of handing over a second one nobody knows they hold. Kept for
   * KEEP_UNANSWERED_MS: by then a lease would have given that case back anyway.
   */
  private readonly unanswered = new Map<string, { commandId: string; at: number }>();

  constructor(private readonly sync: SyncService) {}

  async claim(session: Session, input: { caseId: string; expectedVersion?: number }): Promise<Result<CaseChange>> {
    const commandId = randomUUID();
    return this.ask(session, async (token) => {
      // The local version is the server's unless this desktop still has changes of its own waiting for the
      // case (read after `ask` has sent what it could).
      const payload = this.sync.store.hasPending(input.caseId) || input.expectedVersion === undefined ? { caseId: input.caseId } : input;
      const r = await this.sync.client.push(token, [{ commandId, name: 'claim', payload, createdAt: new Date(this.sync.now()).toISOString() }]);
      return r.ok ? ok(r.value.results[0]!) : r;
    });
  }

  async claimNext(session: Session, queue: QueueId): Promise<Result<CaseChange>> {
    if (!CLAIMABLE_QUEUES.includes(queue) || !mayOpenQueue(queue, session.info)) return fail('forbidden', '您无权查看该队列', 'You may not open this queue');
    const key = `${session.user.id}\u0000${queue}`;
    const now = this.sync.now();
    const kept = this.unanswered.get(key);
    const replay = kept !== undefined && now - kept.at < KEEP_UNANSWERED_MS;
    const commandId = replay ? kept.commandId : randomUUID();
    if (!replay) this.unanswered.set(key, { commandId, at: now });
    const r = await this.ask(session, (token) => this.sync.client.claimNext(token, { commandId, queue }));
    if (r.ok || r.error.code !== 'offline') this.unanswered.delete(key);
    // The first answer comes with the case as it is now: if that claim has lapsed meanwhile (its lease ran out
    // and someone else holds the case), it is no claim of this user's — ask for a case afresh.
    if (replay && r.ok && this.sync.services.cases.get(r.value.caseId)?.assigneeId !== session.user.id) return this.claimNext(session, queue);
    return r;
  }

  /**
   * Asks the server, after sending what this desktop still owes it (the server decides on top of it; with
   * nothing owed and the server known to answer, the claim is the only request), and writes the answer.
   */
  private async ask(session: Session, call: (token: string) => Promise<Result<CommandOutcome>>): Promise<Result<CaseChange>> {
    if (this.sync.store.pendingCount() > 0 || !this.sync.isOnline) await this.sync.syncNow();
    if (!this.sync.isOnline) return offlineClaim();
    const res = await onServer(this.sync, session, offlineClaim, call);
    if (!res.ok) return res;
    const outcome = res.value;
    const changed: CaseChange[] = [];
    this.sync.db.transaction(() => {
      if (outcome.status === 'accepted') {
        this.sync.replica.appendEvents(outcome.change);
        const c = this.sync.replica.adoptUnlessOlder(outcome.change.case);
        if (c) changed.push(c);
      } else if (outcome.case) {
        // Refused (e.g. someone else holds it): show the case as the server has it.
        const c = this.sync.replica.adoptUnlessOlder(outcome.case);
        if (c) changed.push(c);
      }
    })();
    this.sync.emit(changed);
    if (outcome.status === 'rejected') return { ok: false, error: outcome.error };
    const c = outcome.change.case;
    return ok({ caseId: c.id, state: c.state, version: c.version, assigneeName: c.assigneeName });
  }
}
