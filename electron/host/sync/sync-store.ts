import type { CaseRecord } from '../../../shared/domain/case';
import type { ServerUser } from '../../../shared/sync/protocol';
import type { AppError } from '../../../shared/errors';
import type { Db } from '../db/database';

export interface PendingCommand {
  seq: number;
  commandId: string;
  command: string;
  caseId: string | null;
  actorId: string;
  payload: string;
  createdAt: string;
}

export interface Rejection {
  commandId: string;
  command: string;
  caseId: string | null;
  actorId: string;
  code: string;
  message: string;
  messageEn: string;
  createdAt: string;
  rejectedAt: string;
}

/**
 * The sync client's own SQL: its state (feed cursor, bound server, device id), the outbox as the pusher
 * reads and answers it, the list of refused commands, the users the server knows, and offline-login times.
 */
export class SyncStore {
  private readonly getState;
  private readonly setStateStmt;
  private readonly pendingStmt;
  private readonly pendingCountStmt;
  private readonly pendingActorsStmt;
  private readonly pendingActorsForCaseStmt;
  private readonly caseBeforeStmt;
  private readonly forgetUndoStmt;
  private readonly holdStmt;
  private readonly heldStmt;
  private readonly forgetHeldStmt;
  private readonly heldIdsStmt;
  private readonly answerStmt;
  private readonly rejectStmt;
  private readonly rejectedStmt;
  private readonly rejectedAllStmt;
  private readonly rejectedCountStmt;
  private readonly upsertUserStmt;
  private readonly verifierStmt;
  private readonly userAccessStmt;
  private readonly forgetVerifiedAtStmt;
  private readonly verifiedAtStmt;
  private readonly setVerifiedStmt;
  private readonly forgetVerifierStmt;
  private readonly endSessionsStmt;

  constructor(private readonly db: Db) {
    this.getState = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?');
    this.setStateStmt = db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.pendingStmt = db.prepare<[string, number], { seq: number; command_id: string; command: string; case_id: string | null; actor_id: string; payload: string; created_at: string }>(
      `SELECT seq, command_id, command, case_id, actor_id, payload, created_at FROM outbox
       WHERE status = 'pending' AND actor_id IN (SELECT value FROM json_each(?)) ORDER BY seq LIMIT ?`,
    );
    this.pendingCountStmt = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE status = 'pending'");
    this.caseBeforeStmt = db.prepare<[string], { case_before: string | null }>('SELECT case_before FROM outbox WHERE command_id = ?');
    this.forgetUndoStmt = db.prepare('UPDATE outbox SET case_before = NULL, field_before = NULL, document_before = NULL WHERE command_id = ?');
    this.holdStmt = db.prepare(
      `INSERT INTO sync_held_cases (case_id, version, record) VALUES (?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, record = excluded.record WHERE excluded.version > sync_held_cases.version`,
    );
    this.heldStmt = db.prepare<[string], { record: string }>('SELECT record FROM sync_held_cases WHERE case_id = ?');
    this.forgetHeldStmt = db.prepare('DELETE FROM sync_held_cases WHERE case_id = ?');
    this.heldIdsStmt = db.prepare<[], string>('SELECT case_id FROM sync_held_cases').pluck();
    this.pendingActorsStmt = db.prepare<[], { actor_id: string; n: number }>(
      "SELECT actor_id, count(*) AS n FROM outbox WHERE status = 'pending' GROUP BY actor_id",
    );
    this.pendingActorsForCaseStmt = db.prepare<[string], string>("SELECT DISTINCT actor_id FROM outbox WHERE case_id = ? AND status = 'pending'").pluck();
    this.answerStmt = db.prepare("UPDATE outbox SET status = ?, result = ? WHERE command_id = ? AND status = 'pending'");
    this.rejectStmt = db.prepare(
      `INSERT OR IGNORE INTO sync_rejections (command_id, command, case_id, actor_id, code, message, message_en, details, created_at, rejected_at)
       VALUES (@commandId, @command, @caseId, @actorId, @code, @message, @messageEn, @details, @createdAt, @rejectedAt)`,
    );
    const rejectedCols = `command_id AS commandId, command, case_id AS caseId, actor_id AS actorId, code, message, message_en AS messageEn,
      created_at AS createdAt, rejected_at AS rejectedAt`;
    this.rejectedStmt = db.prepare<[string, number], Rejection>(`SELECT ${rejectedCols} FROM sync_rejections WHERE actor_id = ? ORDER BY rejected_at DESC LIMIT ?`);
    this.rejectedAllStmt = db.prepare<[number], Rejection>(`SELECT ${rejectedCols} FROM sync_rejections ORDER BY rejected_at DESC LIMIT ?`);
    this.rejectedCountStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sync_rejections');
    // A user the server knows; the password hash (the offline verifier) is left as it is.
    this.upsertUserStmt = db.prepare(
      `INSERT INTO users (id, username, display_name, roles, team, password_hash, active, created_at, password_changed_at, must_change_password)
       VALUES (@id, @username, @displayName, @roles, @team, NULL, @active, @createdAt, @passwordChangedAt, @mustChangePassword)
       ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name, roles = excluded.roles,
         team = excluded.team, active = excluded.active, password_changed_at = coalesce(excluded.password_changed_at, users.password_changed_at),
         must_change_password = excluded.must_change_password`,
    );
    this.userAccessStmt = db.prepare<[string], { roles: string; team: string | null; active: number }>('SELECT roles, team, active FROM users WHERE id = ?');
    this.verifierStmt = db.prepare('UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?');
    this.verifiedAtStmt = db.prepare<[string], { verified_at: number }>('SELECT verified_at FROM offline_logins WHERE user_id = ?');
    // The server has just accepted this password, so it is at least as new as the last change this desktop
    // knows of, whatever the two clocks say.
    this.setVerifiedStmt = db.prepare(
      `INSERT INTO offline_logins (user_id, verified_at) VALUES (@userId, max(@at, coalesce((SELECT password_changed_at FROM users WHERE id = @userId), 0)))
       ON CONFLICT (user_id) DO UPDATE SET verified_at = excluded.verified_at`,
    );
    this.forgetVerifiedAtStmt = db.prepare('DELETE FROM offline_logins WHERE user_id = ?');
    this.forgetVerifierStmt = db.prepare('UPDATE users SET password_hash = NULL WHERE id = ?');
    this.endSessionsStmt = db.prepare('UPDATE sessions SET ended = 1 WHERE user_id = ? AND ended = 0');
  }

  state(key: string): string | null {
    return this.getState.get(key)?.value ?? null;
  }

  setState(key: string, value: string): void {
    this.setStateStmt.run(key, value);
  }

  /**
   * The first waiting commands of these users, in outbox order. Only theirs: the commands of users who cannot
   * push now (no token) would otherwise fill the window, however many, and hold back everyone else's.
   */
  pending(limit: number, actors: readonly string[]): PendingCommand[] {
    return this.pendingStmt.all(JSON.stringify(actors), limit).map((r) => ({
      seq: r.seq,
      commandId: r.command_id,
      command: r.command,
      caseId: r.case_id,
      actorId: r.actor_id,
      payload: r.payload,
      createdAt: r.created_at,
    }));
  }

  pendingCount(): number {
    return this.pendingCountStmt.get()!.n;
  }

  pendingByActor(): Map<string, number> {
    return new Map(this.pendingActorsStmt.all().map((r) => [r.actor_id, r.n]));
  }

  /** The case as it was before this command (null: it created the case, or it was written before 0610). */
  caseBefore(commandId: string): CaseRecord | null {
    const json = this.caseBeforeStmt.get(commandId)?.case_before;
    return json ? (JSON.parse(json) as CaseRecord) : null;
  }

  /** Once a command is answered its copies of the case and of a field it reviewed are of no more use (and hold personal data). */
  forgetUndo(commandId: string): void {
    this.forgetUndoStmt.run(commandId);
  }

  /** Keeps the server's copy of a case held back by waiting commands (the newest one, if held before). */
  holdServerCase(record: CaseRecord): void {
    this.holdStmt.run(record.id, record.version, JSON.stringify(record));
  }

  /** The server's copy held back for this case, if any, forgotten as it is read. */
  takeHeldCase(caseId: string): CaseRecord | null {
    const held = this.heldCase(caseId);
    if (held) this.forgetHeldStmt.run(caseId);
    return held;
  }

  /** The server's copy held back for this case, if any (kept). */
  heldCase(caseId: string): CaseRecord | null {
    const json = this.heldStmt.get(caseId)?.record;
    return json === undefined ? null : (JSON.parse(json) as CaseRecord);
  }

  /** The cases held back now. */
  heldCaseIds(): string[] {
    return this.heldIdsStmt.all();
  }

  forgetHeldCase(caseId: string): void {
    this.forgetHeldStmt.run(caseId);
  }

  /** Who has commands for this case waiting. */
  pendingActorsFor(caseId: string): string[] {
    return this.pendingActorsForCaseStmt.all(caseId);
  }

  hasPending(caseId: string): boolean {
    return this.pendingActorsFor(caseId).length > 0;
  }

  answer(commandId: string, status: 'accepted' | 'rejected', result: unknown): void {
    this.answerStmt.run(status, JSON.stringify(result), commandId);
  }

  recordRejection(cmd: PendingCommand, error: AppError, rejectedAt: string): void {
    this.rejectStmt.run({
      commandId: cmd.commandId,
      command: cmd.command,
      caseId: cmd.caseId,
      actorId: cmd.actorId,
      code: error.code,
      message: error.message,
      messageEn: error.messageEn,
      details: error.details ? JSON.stringify(error.details) : null,
      createdAt: cmd.createdAt,
      rejectedAt,
    });
  }

  rejections(actorId: string | null, limit: number): Rejection[] {
    return actorId === null ? this.rejectedAllStmt.all(limit) : this.rejectedStmt.all(actorId, limit);
  }

  rejectionCount(): number {
    return this.rejectedCountStmt.get()!.n;
  }

  /**
   * The server's accounts. Where the server has ended an account's sessions — a changed role, team or status,
   * or a password set after this desktop last confirmed one — the local sessions end too (the user logs in
   * again with what he now holds), and an offline verifier of the old password is forgotten.
   */
  upsertUsers(users: readonly ServerUser[], at: string): void {
    this.db.transaction(() => {
      for (const u of users) {
        const before = this.userAccessStmt.get(u.id);
        const roles = JSON.stringify(u.roles);
        this.upsertUserStmt.run({
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          roles,
          team: u.team,
          active: u.active ? 1 : 0,
          createdAt: at,
          passwordChangedAt: u.passwordChangedAt,
          mustChangePassword: u.mustChangePassword ? 1 : 0,
        });
        const verifiedAt = this.verifiedAtStmt.get(u.id)?.verified_at;
        const newPassword = u.passwordChangedAt !== null && verifiedAt !== undefined && u.passwordChangedAt > verifiedAt;
        if (newPassword) {
          this.forgetVerifierStmt.run(u.id);
          this.forgetVerifiedAtStmt.run(u.id);
        }
        const accessChanged = !!before && (before.roles !== roles || before.team !== u.team || before.active !== (u.active ? 1 : 0));
        if (accessChanged || newPassword) this.endSessionsStmt.run(u.id);
      }
    })();
  }

  /** The server confirmed this password: keep a local scrypt verifier of it for offline login. */
  storeVerifier(userId: string, passwordHash: string, at: number): void {
    this.db.transaction(() => {
      this.verifierStmt.run(passwordHash, userId);
      this.setVerifiedStmt.run({ userId, at });
    })();
  }

  verifiedAt(userId: string): number | null {
    return this.verifiedAtStmt.get(userId)?.verified_at ?? null;
  }

  /** The server refused a password accepted offline: no more offline logins, and the local sessions end. */
  revokeOffline(userId: string): void {
    this.db.transaction(() => {
      this.forgetVerifierStmt.run(userId);
      this.endSessionsStmt.run(userId);
    })();
  }
}
