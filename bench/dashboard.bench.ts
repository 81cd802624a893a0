import { rmSync } from 'node:fs';
import { actorOf } from '../electron/host/auth/auth-service';
import { DEMO_PASSWORD } from '../electron/host/demo/demo-users';
import { createHost } from '../electron/host/host';
import type { Channel } from '../shared/api/contract';
import { DASHBOARD_NOW, dashboardDataDir } from './support/dashboard-store';
import { measure, median, report } from './support/report';

process.env.WORKBENCH_QUIET = '1';
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const DAY = 86_400_000;

/**
 * DESIGN §12: all dashboard figures for 30 days over 100,000 cases and 1,000,000 audit events < 500 ms.
 * Measured through the API dispatcher (session, validation, handler) plus JSON serialisation of the answer,
 * each run with a different period end so no run is served from the result cache. Also reported: the first
 * request on a store without a dashboard snapshot (folds the whole trail into memory), the first request
 * after a restart (reads the snapshot back), a request after 100 new commands (folds only those), a
 * filtered request, and a drill-down.
 */
async function main() {
  const dir = await dashboardDataDir(CASES, EVENTS);
  const host = createHost({ dataDir: dir, now: () => DASHBOARD_NOW });
  const login = await host.dispatch('auth:login', null, { username: 'zhouyan', password: DEMO_PASSWORD });
  if (!login.ok) throw new Error(login.error.messageEn);
  const token = (login.value as { token: string }).token;
  const call = async (channel: Channel, input: unknown) => {
    const r = await host.dispatch(channel, token, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.messageEn}`);
    return JSON.stringify(r.value).length;
  };
  let run = 0;
  // A different end each run (a minute apart): a fresh computation every time, never a cached result.
  const period = () => ({ from: new Date(DASHBOARD_NOW - 30 * DAY - run * 60_000).toISOString(), to: new Date(DASHBOARD_NOW - run++ * 60_000).toISOString() });

  const t0 = performance.now();
  await call('dashboard:figures', { query: period() });
  report('dashboard.cold_load_ms', Math.round(performance.now() - t0), 'ms');
  const events = (host.services.db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
  const cases = (host.services.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  console.error(`store: ${cases} cases, ${events} audit rows`);

  report('dashboard.all_figures_ms', await measure(() => call('dashboard:figures', { query: period() }), 9, 2), 'ms');
  report('dashboard.filtered_figures_ms', await measure(() => call('dashboard:figures', { query: { ...period(), product: 'tax_loan', person: 'u-clerk-1' } }), 9, 2), 'ms');

  // Drill-down, first block right after the figures were shown (the list's order is worked out then, once),
  // for the doc-check backlog and for the largest list (every stay that ended in the 30 days); then a
  // further block of a list whose order is known.
  const firstBlock = async (ref: unknown) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const q = period();
      await call('dashboard:figures', { query: q });
      const t = performance.now();
      await call('dashboard:drill', { query: q, ref, startRow: 0, endRow: 100 });
      times.push(performance.now() - t);
    }
    return median(times);
  };
  report('dashboard.drill_first_block_ms', await firstBlock({ kind: 'backlog', stage: 'doc_check' }), 'ms');
  report('dashboard.drill_first_block_all_exits_ms', await firstBlock({ kind: 'throughput' }), 'ms');
  const fixed = period();
  await call('dashboard:figures', { query: fixed });
  let offset = 0;
  report(
    'dashboard.drill_next_block_ms',
    await measure(() => call('dashboard:drill', { query: fixed, ref: { kind: 'throughput' }, startRow: (offset += 100), endRow: offset + 100 }), 9, 2),
    'ms',
  );

  // New work arrives: 100 claims and releases through the command path, then the next request.
  const s = host.services;
  const clerk = actorOf(s.users.byUsername('wangfang')!);
  const ids = (s.db.prepare("SELECT id FROM cases WHERE state = 'submitted' AND assignee_id IS NULL LIMIT 50").all() as { id: string }[]).map((r) => r.id);
  const catchUp: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const caseId of ids) {
      for (const name of ['claim', 'release'] as const) {
        const r = s.commands.execute(clerk, name, { caseId });
        if (!r.ok) throw new Error(r.error.messageEn);
      }
    }
    const t = performance.now();
    await call('dashboard:figures', { query: period() });
    catchUp.push(performance.now() - t);
  }
  report('dashboard.after_100_commands_ms', median(catchUp), 'ms');

  // Restart: the snapshot saved after the first fold (and after the commands) is read back.
  await waitForSnapshot(host);
  host.close();
  const again = createHost({ dataDir: dir, now: () => DASHBOARD_NOW });
  const login2 = await again.dispatch('auth:login', null, { username: 'zhouyan', password: DEMO_PASSWORD });
  if (!login2.ok) throw new Error(login2.error.messageEn);
  const t1 = performance.now();
  const r = await again.dispatch('dashboard:figures', (login2.value as { token: string }).token, { query: period() });
  if (!r.ok) throw new Error(r.error.messageEn);
  report('dashboard.restart_with_snapshot_ms', Math.round(performance.now() - t1), 'ms');
  if (again.services.dashboard.loadedFrom !== 'snapshot') throw new Error('the restarted host did not use the snapshot');
  again.close();
  rmSync(dir, { recursive: true, force: true });
}

/** The snapshot is written just after an answer; give it the moment it needs before the host closes. */
async function waitForSnapshot(host: ReturnType<typeof createHost>): Promise<void> {
  const saved = () => (host.services.db.prepare('SELECT last_seq AS n FROM dashboard_snapshot').get() as { n: number } | undefined)?.n ?? -1;
  for (let i = 0; i < 600 && saved() < 0; i++) await new Promise((r) => setTimeout(r, 100));
  if (saved() < 0) throw new Error('no dashboard snapshot was saved');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
