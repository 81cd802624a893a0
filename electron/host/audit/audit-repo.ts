import { createHash } from 'node:crypto';
import type { AuditAction } from '../../../shared/audit/audit-actions';
import { GENESIS_HASH, auditHashInput, type AuditEntry } from '../../../shared/audit/audit-entry';
import type { Db } from '../db/database';

/** An entry to append: its action one the trail's pages can name (audit-actions.ts). */
export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash' | 'action'> & { action: AuditAction };

interface RawAudit {
  seq: number;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  case_id: string | null;
  command_id: string | null;
  from_state: string | null;
  to_state: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface VerifyReport {
  ok: boolean;
  checked: number;
  /** The first entry that does not hold, and why, in both languages. */
  firstBroken: { seq: number; reason: { message: string; messageEn: string } } | null;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Appends to and verifies the hash chain. Appends must run inside the command's transaction. */
export class AuditRepo {
  private readonly lastStmt;
  private readonly insertStmt;
  private readonly byCaseStmt;
  private readonly iterateStmt;

  constructor(private readonly db: Db) {
    this.lastStmt = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
    this.insertStmt = db.prepare(
      `INSERT INTO audit (seq, at, actor_id, actor_name, action, case_id, command_id, from_state, to_state, details, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byCaseStmt = db.prepare<[string], RawAudit>('SELECT * FROM audit WHERE case_id = ? ORDER BY seq');
    this.iterateStmt = db.prepare<[], RawAudit>('SELECT * FROM audit ORDER BY seq');
  }

  append(entry: NewAuditEntry): AuditEntry {
    if (!this.db.inTransaction) throw new Error('audit append outside a transaction');
    const last = this.lastStmt.get();
    const base = { ...entry, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH };
    const full: AuditEntry = { ...base, hash: sha256Hex(auditHashInput(base)) };
    this.insertStmt.run(full.seq, full.at, full.actorId, full.actorName, full.action, full.caseId, full.commandId, full.fromState, full.toState, full.details, full.prevHash, full.hash);
    return full;
  }

  forCase(caseId: string): AuditEntry[] {
    return this.byCaseStmt.all(caseId).map(toEntry);
  }

  /** Walks the whole chain in order and names the first entry whose link or content does not hold. */
  verify(): VerifyReport {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    for (const raw of this.iterateStmt.iterate()) {
      const e = toEntry(raw);
      if (e.seq !== expectedSeq) {
        return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: { message: `第 ${expectedSeq} 条审计记录缺失`, messageEn: `audit entry ${expectedSeq} is missing` } } };
      }
      if (e.prevHash !== prevHash) {
        return { ok: false, checked, firstBroken: { seq: e.seq, reason: { message: `第 ${e.seq} 条记录的前序哈希不符`, messageEn: `entry ${e.seq} does not link to its predecessor` } } };
      }
      const { hash, ...rest } = e;
      if (sha256Hex(auditHashInput(rest)) !== hash) {
        return { ok: false, checked, firstBroken: { seq: e.seq, reason: { message: `第 ${e.seq} 条记录内容被改动`, messageEn: `entry ${e.seq} was altered` } } };
      }
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    return { ok: true, checked, firstBroken: null };
  }
}

function toEntry(r: RawAudit): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    caseId: r.case_id,
    commandId: r.command_id,
    fromState: r.from_state,
    toState: r.to_state,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
