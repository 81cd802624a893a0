import type { Db } from '../db/database';

export interface OutboxEntry {
  commandId: string;
  command: string;
  caseId: string | null;
  actorId: string;
  payload: string;
  createdAt: string;
  /** The case before the command, as JSON (null: the command creates it), to undo it if the server refuses. */
  caseBefore: string | null;
}

/** Commands waiting to be pushed to the central server; written in the same transaction as the change. */
export class OutboxRepo {
  private readonly insertStmt;
  private readonly pendingCountStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO outbox (command_id, command, case_id, actor_id, payload, created_at, case_before)
       VALUES (@commandId, @command, @caseId, @actorId, @payload, @createdAt, @caseBefore)`,
    );
    this.pendingCountStmt = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE status = 'pending'");
  }

  add(entry: OutboxEntry): void {
    this.insertStmt.run(entry);
  }

  pendingCount(): number {
    return this.pendingCountStmt.get()!.n;
  }
}
