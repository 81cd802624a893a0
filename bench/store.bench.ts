import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createHost } from '../electron/host/host';
import { DEMO_PASSWORD } from '../electron/host/demo/demo-users';
import { actorOf } from '../electron/host/auth/auth-service';
import { BENCH_NOW, benchDataDir } from './support/bench-store';
import { measure, report } from './support/report';

process.env.WORKBENCH_QUIET = '1';
const CASES = Number(process.env.BENCH_CASES ?? 100_000);

/** DESIGN §12: on 100,000 applications, queue page / filter / search < 20 ms; one command < 2 ms. */
async function main() {
  const dir = await benchDataDir(CASES);
  const host = createHost({ dataDir: dir, now: () => BENCH_NOW });
  const login = await host.dispatch('auth:login', null, { username: 'zhouyan', password: DEMO_PASSWORD });
  if (!login.ok) throw new Error(login.error.messageEn);
  const token = (login.value as { token: string }).token;
  // Only a role that sees identity numbers may search by one: a clerk, in the document-check queue.
  const clerkLogin = await host.dispatch('auth:login', null, { username: 'zhangmin', password: DEMO_PASSWORD });
  if (!clerkLogin.ok) throw new Error(clerkLogin.error.messageEn);
  const clerkToken = (clerkLogin.value as { token: string }).token;
  const call = async (channel: Parameters<typeof host.dispatch>[0], input: unknown, as = token) => {
    const r = await host.dispatch(channel, as, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.messageEn}`);
    return r.value;
  };

  const db = new Database(`${dir}/workbench.sqlite`, { readonly: true });
  const sample = db.prepare("SELECT applicant_name FROM cases WHERE rowid % 997 = 0 LIMIT 40").all() as { applicant_name: string }[];
  const idSample = db.prepare("SELECT id_number FROM cases WHERE state IN ('submitted', 'doc_check') AND rowid % 97 = 0 LIMIT 40").all() as { id_number: string }[];
  db.close();
  let k = 0;
  const next = () => sample[k++ % sample.length]!;

  // A page of 100 rows as the grid asks for it, at the top and deep into the queue, default work order.
  let offset = 0;
  report('store.queue_page_ms', await measure(() => call('queue:list', { queue: 'all', startRow: (offset = (offset + 4_900) % 50_000), endRow: offset + 100, sort: [{ colId: 'slaDueAt', sort: 'asc' }] })), 'ms');
  report('store.filter_ms', await measure(() => call('queue:list', { queue: 'all', startRow: 0, endRow: 100, filter: { states: ['approval', 'proposed'], products: ['tax_loan', 'credit_fast'] } })), 'ms');
  report('store.search_name_ms', await measure(() => call('queue:list', { queue: 'all', startRow: 0, endRow: 100, filter: { search: next().applicant_name } })), 'ms');
  report('store.search_id_ms', await measure(() => call('queue:list', { queue: 'doc_check', startRow: 0, endRow: 100, filter: { search: idSample[k++ % idSample.length]!.id_number } }, clerkToken)), 'ms');

  // One command applied (state + audit + outbox in one durable transaction), measured below the transport.
  const s = host.services;
  const clerk = actorOf(s.users.byUsername('zhangmin')!);
  const ids = (s.db.prepare("SELECT id FROM cases WHERE state = 'submitted' AND assignee_id IS NULL LIMIT 200").all() as { id: string }[]).map((r) => r.id);
  let i = 0;
  report(
    'store.command_ms',
    await measure(() => {
      const caseId = ids[Math.floor(i / 2) % ids.length]!;
      const r = s.commands.execute(clerk, i++ % 2 === 0 ? 'claim' : 'release', { caseId });
      if (!r.ok) throw new Error(r.error.messageEn);
    }, 200, 10),
    'ms',
  );
  host.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
