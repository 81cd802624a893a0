import { randomUUID } from 'node:crypto';
import { CLAIMABLE_QUEUES, mayOpenQueue, type QueueId } from '../../../shared/api/queues';
import type { CaseChange } from '../../../shared/api/schemas';
import { fail, ok, type Result } from '../../../shared/errors';
import type { CommandOutcome } from '../../../shared/sync/protocol';
import type { Session } from '../auth/auth-service';
import { CentralUnreachable } from './central-client';
import { isAuthError, serverSessionLost } from './sync-context';
import type { SyncService } from './sync-service';

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
  constructor(private readonly sync: SyncService) {}

  async claim(session: Session, input: { caseId: string; expectedVersion?: number }): Promise<Result<CaseChange>> {
    const token = await this.ready(session);
    if (!token.ok) return token;
    // The local version is the server's unless this desktop still has changes of its own waiting for the case.
    const payload = this.sync.store.hasPending(input.caseId) || input.expectedVersion === undefined ? { caseId: input.caseId } : input;
    const commandId = randomUUID();
    return this.ask(session, async () => {
      const r = await this.sync.client.push(token.value, [{ commandId, name: 'claim', payload, createdAt: new Date(this.sync.now()).toISOString() }]);
      return r.ok ? ok(r.value.results[0]!) : r;
    });
  }

  async claimNext(session: Session, queue: QueueId): Promise<Result<CaseChange>> {
    if (!CLAIMABLE_QUEUES.includes(queue) || !mayOpenQueue(queue, session.info)) return fail('forbidden', '您无权查看该队列', 'You may not open this queue');
    const token = await this.ready(session);
    if (!token.ok) return token;
    const commandId = randomUUID();
    return this.ask(session, () => this.sync.client.claimNext(token.value, { commandId, queue }));
  }

  /**
   * The user's server token, after pushing what this desktop still owes the server (the server decides on
   * top of it). With nothing owed and the server known to answer, the claim is the only request.
   */
  private async ready(session: Session): Promise<Result<string>> {
    if (this.sync.store.pendingCount() > 0 || !this.sync.isOnline) await this.sync.syncNow();
    if (!this.sync.isOnline) return offlineClaim();
    const token = this.sync.tokens.get(session.user.id);
    return token ? ok(token) : serverSessionLost();
  }

  private async ask(session: Session, call: () => Promise<Result<CommandOutcome>>): Promise<Result<CaseChange>> {
    let res: Result<CommandOutcome>;
    try {
      res = await call();
    } catch (e) {
      if (!(e instanceof CentralUnreachable)) throw e;
      this.sync.unreachable(e.why);
      return offlineClaim();
    }
    this.sync.reachable();
    if (!res.ok) {
      if (isAuthError(res.error)) {
        this.sync.tokens.drop(session.user.id);
        return serverSessionLost();
      }
      return res;
    }
    const outcome = res.value;
    const changed: CaseChange[] = [];
    this.sync.db.transaction(() => {
      if (outcome.status === 'accepted') {
        this.sync.replica.appendEvents(outcome.change);
        const c = this.sync.replica.adopt(outcome.change.case);
        if (c) changed.push(c);
      } else if (outcome.case) {
        // Refused (e.g. someone else holds it): show the case as the server has it.
        const c = this.sync.replica.adopt(outcome.case);
        if (c) changed.push(c);
      }
    })();
    this.sync.emit(changed);
    if (outcome.status === 'rejected') return { ok: false, error: outcome.error };
    const c = outcome.change.case;
    return ok({ caseId: c.id, state: c.state, version: c.version, assigneeName: c.assigneeName });
  }
}
