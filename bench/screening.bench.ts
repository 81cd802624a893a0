import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idNumberCheckDigit } from '../shared/validators/id-number';
import { actorOf } from '../electron/host/auth/auth-service';
import { createHost } from '../electron/host/host';
import { SYSTEM_ACTOR } from '../shared/auth/system-user';
import { measure, median, report } from './support/report';

process.env.WORKBENCH_QUIET = '1';
const ENTRIES = Number(process.env.BENCH_NEGATIVE_LIST ?? 100_000);

/**
 * DESIGN §12: screening + limit + price of one case < 5 ms with 100,000 negative-list entries loaded.
 * `screening.case_ms` is that figure (read the case, look its parties up in the list, evaluate the rules,
 * grade, estimate the limit and price it); `screening.case_committed_ms` adds storing the result and
 * recording the outcome through the command path in one durable transaction.
 */
async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'cfw-bench-screening-'));
  const now = Date.parse('2026-11-24T02:00:00.000Z');
  const host = createHost({ dataDir: dir, seedDemo: true, demoCases: 400, now: () => now });
  await host.ready;
  const s = host.services;
  const ids = (s.db.prepare('SELECT id FROM cases ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);

  // 100,000 entries through the real CSV import, with every tenth demo applicant among them.
  const lines = ['姓名,身份证号,原因,来源,列入日期'];
  const listed = s.db.prepare('SELECT applicant_name AS name, id_number AS id FROM cases WHERE rowid % 10 = 0').all() as { name: string; id: string }[];
  for (const c of listed) lines.push(`${c.name},${c.id},失信被执行人,法院,2026-01-01`);
  const day0 = Date.UTC(1960, 0, 1);
  for (let k = 0; lines.length <= ENTRIES; k++) {
    const first17 = `650102${new Date(day0 + (k % 14_600) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '')}${String(Math.floor(k / 14_600)).padStart(3, '0')}`;
    lines.push(`名单${k % 5_000},${first17}${idNumberCheckDigit(first17)},失信被执行人,法院,2026-01-01`);
  }
  const t0 = performance.now();
  const imported = s.screening.importer.importBuffer(SYSTEM_ACTOR, 'bench.csv', Buffer.from(lines.join('\r\n'), 'utf8'), 'auto');
  report('screening.negative_list_import_100k_ms', Math.round(performance.now() - t0), 'ms');
  if (!imported.imported || s.screening.negativeList.count() < ENTRIES) throw new Error(`import failed: ${JSON.stringify(imported.fatal)}`);

  let i = 0;
  report(
    'screening.case_ms',
    await measure(() => {
      const c = s.cases.get(ids[i++ % ids.length]!)!;
      s.screening.service.evaluate(c);
    }, 2_000, 200),
    'ms',
  );

  // The live path: a case passed on by a clerk (not measured) is screened, stored and recorded (measured).
  const clerk = actorOf(s.users.byUsername('zhangmin')!);
  const waiting = (s.db.prepare("SELECT id FROM cases WHERE state = 'submitted' AND assignee_id IS NULL LIMIT 110").all() as { id: string }[]).map((r) => r.id);
  const times: number[] = [];
  for (const [n, id] of waiting.entries()) {
    if (!s.commands.execute(clerk, 'claim', { caseId: id }).ok || !s.commands.execute(clerk, 'passDocCheck', { caseId: id }).ok) throw new Error('could not pass a case on');
    const t = performance.now();
    const r = s.screening.service.screenCase(id);
    if (n >= 10) times.push(performance.now() - t); // the first ten warm up
    if (!r.ok || !r.value) throw new Error('screening refused');
  }
  report('screening.case_committed_ms', median(times), 'ms');
  host.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
