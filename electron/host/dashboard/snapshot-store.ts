import type { LogSnapshot } from '../../../shared/dashboard/log-snapshot';
import type { Db } from '../db/database';

interface Row {
  format: number;
  policy: string;
  last_seq: number;
  last_hash: string;
  meta: string;
  columns: Buffer;
}

/** Reads and writes the one dashboard snapshot, checking it still belongs to this audit trail and policy. */
export class SnapshotStore {
  private readonly getStmt;
  private readonly hashStmt;
  private readonly putStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[], Row>('SELECT format, policy, last_seq, last_hash, meta, columns FROM dashboard_snapshot WHERE id = 1');
    this.hashStmt = db.prepare<[number], { hash: string }>('SELECT hash FROM audit WHERE seq = ?');
    this.putStmt = db.prepare(
      `INSERT INTO dashboard_snapshot (id, format, policy, last_seq, last_hash, saved_at, meta, columns)
       VALUES (1, @format, @policy, @lastSeq, @lastHash, @savedAt, @meta, @columns)
       ON CONFLICT (id) DO UPDATE SET format = excluded.format, policy = excluded.policy, last_seq = excluded.last_seq,
         last_hash = excluded.last_hash, saved_at = excluded.saved_at, meta = excluded.meta, columns = excluded.columns`,
    );
  }

  /** The saved snapshot, or null when there is none or it was taken of another trail, policy or format. */
  load(format: number, policy: string): LogSnapshot | null {
    const row = this.getStmt.get();
    if (!row || row.format !== format || row.policy !== policy) return null;
    // The trail is append-only and hash-chained: the row the snapshot reached must still be there, unchanged.
    if (row.last_seq > 0 && this.hashStmt.get(row.last_seq)?.hash !== row.last_hash) return null;
    return { format: row.format, lastSeq: row.last_seq, meta: row.meta, columns: new Uint8Array(row.columns.buffer, row.columns.byteOffset, row.columns.byteLength) };
  }

  save(snap: LogSnapshot, policy: string, savedAt: string): void {
    const lastHash = snap.lastSeq > 0 ? (this.hashStmt.get(snap.lastSeq)?.hash ?? '') : '';
    this.db.transaction(() => {
      this.putStmt.run({ format: snap.format, policy, lastSeq: snap.lastSeq, lastHash, savedAt, meta: snap.meta, columns: Buffer.from(snap.columns.buffer, snap.columns.byteOffset, snap.columns.byteLength) });
    })();
  }
}
