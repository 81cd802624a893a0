import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/host/db/database';
import { AuditRepo } from '../../electron/host/audit/audit-repo';
import { tempHost, type TempHost } from './support/temp-host';

/** Runs the child until it has acknowledged `killAfter` commands, then SIGKILLs it; returns what it acknowledged. */
function runAndKill(dbFile: string, killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/support/command-child.ts', dbFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('ACK ')) acked.push(line.slice(4));
        if (acked.length >= killAfter && !child.killed) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`child exited with ${code}: ${stderr}`));
    });
    setTimeout(() => child.kill('SIGKILL'), 60_000).unref();
  });
}

describe('crash safety of the local store', () => {
  let h: TempHost;
  beforeAll(async () => {
    h = await tempHost({ cases: 150 });
    h.host.close();
  });
  afterAll(() => h.close());

  it('keeps every acknowledged command and a valid audit chain across repeated SIGKILLs', async () => {
    let totalAcked = 0;
    for (const killAfter of [1, 37, 250, 600, 1200, 90]) {
      // A random extra delay moves the kill to an arbitrary point inside the next transaction.
      const acked = await runAndKill(h.dbFile, killAfter + Math.floor(Math.random() * 20));
      expect(acked.length).toBeGreaterThanOrEqual(killAfter);
      totalAcked += acked.length;

      const db = openDatabase(h.dbFile); // recovery from the WAL happens here
      const inOutbox = db.prepare('SELECT 1 FROM outbox WHERE command_id = ?');
      const inAudit = db.prepare('SELECT 1 FROM audit WHERE command_id = ?');
      const missing = acked.filter((id) => !inOutbox.get(id) || !inAudit.get(id));
      expect(missing).toEqual([]);
      const report = new AuditRepo(db).verify();
      expect(report).toMatchObject({ ok: true, firstBroken: null });
      // State agrees with the audit: every case's version is 1 + its number of audited events.
      const drift = db
        .prepare(
          `SELECT c.id FROM cases c WHERE c.version != (SELECT count(*) FROM audit a WHERE a.case_id = c.id)`,
        )
        .all();
      expect(drift).toEqual([]);
      db.close();
    }
    const db = new Database(h.dbFile, { readonly: true });
    const outboxRows = (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    db.close();
    expect(outboxRows).toBeGreaterThanOrEqual(totalAcked);
    // Six child processes and 2,200 fsynced commands: about 17 s alone, but over a minute beside the OCR
    // accuracy suite on a slow hour of this 2-core VM (it is a correctness test, not a timing one).
  }, 180_000);
});
