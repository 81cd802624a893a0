/**
 * Child process for the crash-safety test: applies commands to a real store as fast as it can and prints
 * `ACK <commandId>` only after each command's transaction has committed. The parent kills it with SIGKILL.
 */
import { writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../../electron/host/db/database';
import { createServices } from '../../../electron/host/host';
import { actorOf } from '../../../electron/host/auth/auth-service';

const file = process.argv[2]!;
const db = openDatabase(file);
const services = createServices(db, { now: Date.now, idleTimeoutMinutes: 15, onChange: () => {} });
const clerk = actorOf(services.users.byUsername('zhangmin')!);
// The cases this clerk toggles: unclaimed ones and the ones an earlier (killed) run left in his hands, so the
// set stays the same across runs however many claims were interrupted.
const ids = (
  db
    .prepare("SELECT id FROM cases WHERE (state = 'submitted' AND assignee_id IS NULL) OR (state = 'doc_check' AND assignee_id = ?) ORDER BY id")
    .all(clerk.id) as { id: string }[]
).map((r) => r.id);
if (ids.length === 0) {
  writeSync(2, 'no cases to work on\n');
  process.exit(5);
}
writeSync(1, `READY ${ids.length}\n`);
for (let i = 0; ; i++) {
  const caseId = ids[i % ids.length]!;
  const current = services.cases.get(caseId);
  if (!current) {
    const diag = db.prepare('SELECT (SELECT count(*) FROM cases WHERE id = ?) c, (SELECT count(*) FROM case_data WHERE case_id = ?) d').get(caseId, caseId);
    writeSync(2, `case ${caseId} unreadable at step ${i}: ${JSON.stringify(diag)}\n`);
    process.exit(4);
  }
  const held = current.assigneeId === clerk.id;
  const commandId = randomUUID();
  const r = services.commands.execute(clerk, held ? 'release' : 'claim', { caseId }, commandId);
  if (!r.ok) {
    writeSync(2, `refused ${r.error.code}\n`);
    process.exit(3);
  }
  writeSync(1, `ACK ${commandId}\n`);
}
