import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GENESIS_HASH, auditHashInput } from '../../shared/audit/audit-entry';
import { addWorkingMinutes } from '../../shared/sla/working-time';
import { DEFAULT_CALENDAR } from '../../shared/sla/working-time';
import { sha256Hex, AuditRepo } from '../../electron/host/audit/audit-repo';
import { openDatabase } from '../../electron/host/db/database';
import { createDemoUsers, seedCases } from '../../electron/host/demo/seed';
import { createServices } from '../../electron/host/host';
import { BENCH_NOW } from './bench-store';

const CACHE = resolve('node_modules/.cache/cfw-bench');
/** The dashboard bench reads the store two working days after the seeded "now", when the top-up ends. */
export const DASHBOARD_NOW = Date.parse(addWorkingMinutes(new Date(BENCH_NOW).toISOString(), 2 * 510, DEFAULT_CALENDAR));

const WORKERS: Record<string, { id: string; name: string }[]> = {
  doc: [
    { id: 'u-clerk-1', name: '张敏' },
    { id: 'u-clerk-2', name: '王芳' },
    { id: 'u-dual-1', name: '何鑫' },
  ],
  approval: [
    { id: 'u-officer-1', name: '李强' },
    { id: 'u-officer-2', name: '赵磊' },
    { id: 'u-officer-3', name: '陈静' },
    { id: 'u-senior-1', name: '孙伟' },
    { id: 'u-senior-2', name: '郭丽' },
  ],
};
const SUPERVISOR = { id: 'u-super-1', name: '周燕' };

/**
 * `cases` demo cases seeded through the command path (as bench-store does, about five audit rows each), topped
 * up to `events` audit rows with the work that happens to open cases over the next two working days: claims,
 * releases and supervisor reassignments, appended in one transaction with a valid hash chain (verified once
 * when the cache is built). Cached under node_modules/.cache like bench-store; the name carries the schema
 * generation, so a store from before a migration change is built afresh rather than reused.
 */
export async function dashboardDataDir(cases: number, events: number): Promise<string> {
  const cached = join(CACHE, `dashboard-${cases}-${events}-v2.sqlite`);
  if (!existsSync(cached)) {
    mkdirSync(CACHE, { recursive: true });
    const building = cached + '.building';
    rmSync(building, { force: true });
    const t0 = performance.now();
    const db = openDatabase(building);
    const services = createServices(db, { now: () => BENCH_NOW, idleTimeoutMinutes: 15, onChange: () => {} });
    await createDemoUsers(services, new Date(BENCH_NOW).toISOString());
    seedCases(services, cases, BENCH_NOW);
    console.error(`seeded ${cases} cases in ${Math.round(performance.now() - t0)} ms`);
    topUp(db, events);
    const verify = new AuditRepo(db).verify();
    if (!verify.ok) throw new Error(`top-up broke the audit chain: ${JSON.stringify(verify.firstBroken)}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    console.error(`topped up to ${events} audit rows in ${Math.round(performance.now() - t0)} ms`);
    copyFileSync(building, cached);
    rmSync(building, { force: true });
  }
  const dir = join(CACHE, `dashboard-run-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(cached, join(dir, 'workbench.sqlite'));
  return dir;
}

function topUp(db: ReturnType<typeof openDatabase>, target: number): void {
  const open = db
    .prepare<[], { id: string; state: string; assignee_id: string | null }>(
      "SELECT id, state, assignee_id FROM cases WHERE state IN ('submitted','doc_check','approval','proposed','investigation','approved') ORDER BY rowid",
    )
    .all()
    // Cases somebody already holds stay with them; the churn is on the queues' unclaimed work.
    .filter((c) => c.assignee_id === null);
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get()!;
  const missing = target - last.seq;
  if (missing <= 0 || open.length === 0) return;
  const insert = db.prepare(
    `INSERT INTO audit (seq, at, actor_id, actor_name, action, case_id, command_id, from_state, to_state, details, prev_hash, hash)
     VALUES (@seq, @at, @actorId, @actorName, @action, @caseId, @commandId, @fromState, @toState, @details, @prevHash, @hash)`,
  );
  let seq = last.seq;
  let prevHash = last.hash ?? GENESIS_HASH;
  const span = DASHBOARD_NOW - 60_000 - BENCH_NOW;
  const append = (k: number, actor: { id: string; name: string }, action: string, caseId: string, from: string, to: string, details: unknown) => {
    seq += 1;
    const base = {
      seq,
      at: new Date(BENCH_NOW + Math.floor((k / missing) * span)).toISOString(),
      actorId: actor.id,
      actorName: actor.name,
      action,
      caseId,
      commandId: `bench-${seq}`,
      fromState: from,
      toState: to,
      details: JSON.stringify(details),
      prevHash,
    };
    const hash = sha256Hex(auditHashInput(base));
    insert.run({ ...base, hash });
    prevHash = hash;
  };
  db.transaction(() => {
    let k = 0;
    for (let round = 0; k < missing; round++) {
      for (let i = 0; i < open.length && k < missing; i++) {
        const c = open[i]!;
        const pool = c.state === 'submitted' || c.state === 'doc_check' || c.state === 'approved' ? WORKERS.doc! : WORKERS.approval!;
        const who = pool[(i + round) % pool.length]!;
        const held = c.state === 'submitted' ? 'doc_check' : c.state;
        const back = c.state === 'doc_check' ? 'submitted' : c.state === 'submitted' ? 'submitted' : c.state;
        if (round % 3 === 2) {
          append(k++, SUPERVISOR, 'assigned', c.id, back, held, { reason: '均衡工作量', assignee: { id: who.id, name: who.name } });
        } else {
          append(k++, who, 'claimed', c.id, back, held, { assignee: { id: who.id, name: who.name } });
        }
        if (k < missing) append(k++, who, 'released', c.id, held, back, { assignee: null });
      }
    }
  })();
}
