import type { CaseChange } from '../../../shared/api/schemas';
import type { AuditAction } from '../../../shared/audit/audit-actions';
import { SERVER_ACTOR } from '../../../shared/auth/system-user';
import type { CaseRecord } from '../../../shared/domain/case';
import type { AppError } from '../../../shared/errors';
import type { ChangeBody } from '../../../shared/sync/protocol';
import type { AuditRepo } from '../audit/audit-repo';
import type { Db } from '../db/database';
import type { CaseRepo } from '../store/case-repo';
import type { DocumentReplica } from './document-replica';
import type { ScreeningReplica } from './screening-replica';
import type { SyncStore } from './sync-store';

const changeOf = (c: CaseRecord): CaseChange => ({ caseId: c.id, state: c.state, version: c.version, assigneeName: c.assigneeName });

/**
 * Writes what the server decided into the local store, without running any local command again: the
 * server's audit entries are appended to the local chain once per change (recognised by the command id),
 * and the server's case replaces the local one unless this desktop still has commands for that case
 * waiting to be pushed (their answers bring the case later; the server's copy is held until then, see
 * `restore`). Applying a change twice changes nothing.
 * Callers run these inside one SQLite transaction.
 */
export class Replica {
  private readonly auditHasStmt;

  constructor(
    db: Db,
    private readonly cases: CaseRepo,
    private readonly audit: AuditRepo,
    private readonly store: SyncStore,
    /** Keeps the server's screening results and overrides (shown on the case page). */
    private readonly screening: ScreeningReplica | null = null,
    /** Keeps the documents other desktops added and reviewed (their files are fetched when opened). */
    private readonly documents: DocumentReplica | null = null,
    /** Whether this user's waiting commands will go soon: he has a server token here, or is logged in here. */
    private readonly isHere: (userId: string) => boolean = () => true,
  ) {
    this.auditHasStmt = db.prepare<[string, string], number>('SELECT 1 FROM audit WHERE case_id = ? AND command_id = ? LIMIT 1').pluck();
  }

  /**
   * A change from the feed: its audit entries once, and its case if newer and nothing of ours is waiting;
   * then the screening and the documents it carries, if any (after the case, which they refer to).
   */
  apply(change: ChangeBody): CaseChange | null {
    const applied = this.applyCase(change);
    this.screening?.apply(change);
    this.documents?.apply(change);
    return applied;
  }

  private applyCase(change: ChangeBody): CaseChange | null {
    const localVersion = this.appendEvents(change);
    const waiting = localVersion === null ? 'nobody' : this.waitingOn(change.caseId);
    if (waiting !== 'nobody') {
      // The feed will not bring this change again: keep the server's case for when the waiting commands are answered.
      this.store.holdServerCase(change.case);
      if (waiting === 'here') return null;
      // Only commands of users gone from this desktop (logged out, no token) wait; they go when those users log
      // in again. Meanwhile the others here work from the server's case, not from an optimistic change that may
      // never be sent. Its version may be below the local one, which ran ahead with those changes.
    } else if (localVersion !== null && change.case.version <= localVersion) return null;
    this.cases.save(change.case, localVersion);
    return changeOf(change.case);
  }

  /**
   * Appends the change's audit entries unless this store already has entries of that command for the case.
   * Returns the local case's version (null: no local case); the record itself is never read here.
   */
  appendEvents(change: ChangeBody): number | null {
    const local = this.cases.version(change.caseId);
    // With no local case there can be no local entries for it: skip the lookup (a fresh desktop pulls thousands).
    if (local !== null && this.auditHasStmt.get(change.caseId, change.commandId) !== undefined) return local;
    for (const e of change.events) {
      this.audit.append({
        at: e.at,
        actorId: e.actorId,
        actorName: e.actorName,
        // The server's case events, kept as it wrote them (hashed there); one a newer server adds shows by its name.
        action: e.action as AuditAction,
        caseId: change.caseId,
        commandId: change.commandId,
        fromState: e.fromState,
        toState: e.toState,
        details: e.details,
      });
    }
    return local;
  }

  /**
   * After the server answered this desktop's command: the server's case becomes the local one (rolling back
   * an optimistic change it refused), unless more of this desktop's commands for the case are still waiting.
   */
  adopt(record: CaseRecord): CaseChange | null {
    const waiting = this.waitingOn(record.id);
    if (waiting !== 'nobody') {
      this.store.holdServerCase(record);
      return waiting === 'here' ? null : this.showServerCase(record.id);
    }
    const held = this.store.takeHeldCase(record.id);
    const newest = held && held.version > record.version ? held : record;
    this.cases.save(newest, this.cases.version(record.id));
    return changeOf(newest);
  }

  /**
   * Each round: a case whose waiting commands are all of users gone from this desktop (logged out, no token)
   * shows the server's newest copy, though no change of it came since they left. Held copies nobody waits on
   * any more are dropped.
   */
  showServerCasesOfGoneUsers(): CaseChange[] {
    const changed: CaseChange[] = [];
    for (const caseId of this.store.heldCaseIds()) {
      const waiting = this.waitingOn(caseId);
      if (waiting === 'nobody') this.store.forgetHeldCase(caseId);
      else if (waiting === 'gone') {
        const c = this.showServerCase(caseId);
        if (c) changed.push(c);
      }
    }
    return changed;
  }

  /** Whose commands for the case wait: nobody's, someone's still here, or only those of users gone from here. */
  private waitingOn(caseId: string): 'nobody' | 'here' | 'gone' {
    const actors = this.store.pendingActorsFor(caseId);
    return actors.length === 0 ? 'nobody' : actors.some(this.isHere) ? 'here' : 'gone';
  }

  /** The held server copy as the local case (kept held for the waiting commands' answers), unless already shown. */
  private showServerCase(caseId: string): CaseChange | null {
    const held = this.store.heldCase(caseId);
    const local = this.cases.get(caseId);
    if (!held || (local && local.version === held.version && local.state === held.state && local.assigneeId === held.assigneeId)) return null;
    this.cases.save(held, local ? local.version : null);
    return changeOf(held);
  }

  /**
   * A refusal the server sent without its copy of the case (it could not read the command): unless more of
   * this desktop's commands for it wait, the case goes back to the server's copy the feed brought while the
   * command waited, or else to what it was before the command (`before`). Its version goes back too, so the
   * next change of the case in the feed applies.
   */
  restore(caseId: string, before: CaseRecord | null): CaseChange | null {
    const waiting = this.waitingOn(caseId);
    if (waiting === 'here') return null;
    // The held copy is the server's, received while the command waited: newer truth than `before`, whatever
    // the versions say (local versions run ahead with optimistic changes the server may have refused). Kept
    // while commands of users gone from here still wait for it.
    const back = (waiting === 'gone' ? this.store.heldCase(caseId) : this.store.takeHeldCase(caseId)) ?? before;
    if (!back || back.id !== caseId) return null;
    this.cases.save(back, this.cases.version(caseId));
    return changeOf(back);
  }

  /**
   * A server answer read outside the feed (a claim): the case as the server had it when it answered, kept
   * unless a pull meanwhile stored a later version — that change is not delivered again.
   */
  adoptUnlessOlder(record: CaseRecord): CaseChange | null {
    const local = this.cases.version(record.id);
    if (local !== null && record.version < local) return null;
    return this.adopt(record);
  }

  /**
   * A local entry saying the server refused a command (the optimistic change was undone), and what the
   * command wrote besides the case undone too: a screening override, a document it added, a field it reviewed.
   */
  noteRefusal(caseId: string, cmd: { commandId: string; command: string; payload: string }, error: AppError, at: string, state: string | null): void {
    const { commandId } = cmd;
    this.screening?.refused(commandId);
    this.documents?.refused(cmd);
    this.audit.append({
      at,
      actorId: SERVER_ACTOR.id,
      actorName: SERVER_ACTOR.name,
      action: 'syncRejected',
      caseId,
      commandId,
      fromState: state,
      toState: state,
      // The reason in the words the user saw, in both languages; code and command are kept with the refusal (sync_rejections).
      details: JSON.stringify({ reason: error.message, reasonEn: error.messageEn }),
    });
  }
}
