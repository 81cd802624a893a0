import { randomUUID } from 'node:crypto';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../electron/host/demo/demo-users';
import { createHost } from '../electron/host/host';
import { CentralClient } from '../electron/host/sync/central-client';
import { pullFeed } from '../electron/host/sync/feed-puller';
import { pushOutbox } from '../electron/host/sync/outbox-pusher';
import type { CentralDb } from '../server/db/central-db';
import { migrateCentral } from '../server/db/migrate';
import { openPostgres } from '../server/db/postgres-db';
import { prepareAllSql } from '../server/db/statements';
import { createUsers, queuedCases } from '../server/demo/central-demo';
import { importCases } from '../server/demo/import-cases';
import { startCentralProcess } from '../test/integration/support/central-child';
import { startPostgres, type PgCluster } from '../test/integration/support/postgres';
import { cpuMeter } from './support/process-cpu';
import { RawHttpClient } from './support/raw-http';
import { median, report } from './support/report';

process.env.WORKBENCH_QUIET = '1';

/**
 * DESIGN §12 sync figures, against a real PostgreSQL 15 started here on 127.0.0.1 and the central server in
 * its own process (server/main.ts), as deployed:
 *   sync.pull_10k_ms     a fresh desktop pulls 10,000 changes into its SQLite store   (budget < 2,000 ms)
 *   sync.push_1k_ms      a desktop pushes 1,000 waiting commands                        (budget < 2,000 ms)
 *   sync.claims_per_s    16 clients claiming through the API (loopback, keep-alive), timed (budget ≥ 2,000/s)
 *                        after 2,000 warm-up claims, from a queue that still holds 20,000
 *   sync.double_claims   cases claimed more than once in that run                       (must be 0)
 *   sync.claim_{server,postgres,clients}_cpu_ms  CPU each party spent per claim in that run
 *   sync.pull_{desktop,server,postgres}_cpu_ms    CPU each party spent on one pull of 10,000 changes
 *   sync.http_floor_{per_s,server_cpu_ms}  the same clients on a route that does no database work: the
 *                        HTTP hop's own rate and server CPU per request
 *   sync.bare_claims_per_s  the same 16 connections running a bare UPDATE … SKIP LOCKED loop straight on
 *                        PostgreSQL, no API, no decide: what this machine allows right now (the yardstick)
 *   sync.bare_{postgres,clients}_cpu_ms  CPU PostgreSQL and the bench spent per bare claim: set beside
 *                        claim_postgres_cpu_ms, what an API claim costs the one shared PostgreSQL (server
 *                        instances can be added; the primary cannot)
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLAIM_CASES = Number(process.env.BENCH_CLAIM_CASES ?? 20_000);
const CLAIM_SECONDS = Number(process.env.BENCH_CLAIM_SECONDS ?? 10);
const WARM_UP_CLAIMS = 2_000;
/** One part only, when working on it: `BENCH_ONLY=feed|claims|bare npm run bench -- sync`. */
const ONLY = process.env.BENCH_ONLY;
/** `BENCH_CPU_PROFILE=<dir>`: the claim server writes a V8 CPU profile there when it stops. */
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE;
const part = (name: 'feed' | 'claims' | 'bare') => !ONLY || ONLY === name;
const NOW = Date.now();

async function centralDb(url: string): Promise<CentralDb> {
  const db = openPostgres({ url, maxConnections: 8 });
  await migrateCentral(db);
  await db.setSessionSetup(prepareAllSql());
  return db;
}

function desktop(url: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cfw-bench-desk-'));
  const host = createHost({ dataDir, centralUrl: url, syncIntervalMs: 0 });
  return {
    host,
    sync: host.sync!,
    close() {
      host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function serverToken(url: string, username: string, password = DEMO_PASSWORD) {
  const r = await new CentralClient({ baseUrl: url }).login(username, password, 'bench');
  if (!r.ok) throw new Error(`login ${username}: ${r.error.messageEn}`);
  return r.value;
}

/** A fresh desktop given a server token directly (no first sync at login), then timed pulling the feed. */
async function benchPull(server: ServerProcess): Promise<{ ms: number; desktopCpuMs: number; serverCpuMs: number; postgresCpuMs: number }> {
  const url = server.url;
  const times: number[] = [];
  const cpu = { desktop: [] as number[], server: [] as number[], pg: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    const d = desktop(url);
    const login = await serverToken(url, 'zhouyan');
    d.sync.tokens.set(login.user.id, login.token, Date.parse(login.expiresAt));
    const meter = cpuMeter(server.child.pid!);
    const t0 = performance.now();
    if (!(await pullFeed(d.sync))) throw new Error('pull failed');
    times.push(performance.now() - t0);
    const spent = meter();
    cpu.desktop.push(spent.selfMs);
    cpu.server.push(spent.serverMs);
    cpu.pg.push(spent.postgresMs);
    const n = (d.host.services.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    if (n !== 10_000) throw new Error(`pulled ${n} cases, expected 10,000`);
    d.close();
  }
  return { ms: median(times), desktopCpuMs: median(cpu.desktop), serverCpuMs: median(cpu.server), postgresCpuMs: median(cpu.pg) };
}

/** 1,000 commands done on the desktop (document checks of cases it holds), timed from outbox to answered. */
async function benchPush(url: string, db: CentralDb): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const d = desktop(url);
    const login = await serverToken(url, 'wangfang');
    d.sync.tokens.set(login.user.id, login.token, Date.parse(login.expiresAt));
    const client = new CentralClient({ baseUrl: url });
    for (let k = 0; k < 2; k++) {
      const claims = Array.from({ length: 500 }, () => randomUUID());
      await Promise.all(claims.map((commandId) => client.claimNext(login.token, { commandId, queue: 'doc_check' })));
    }
    if (!(await pullFeed(d.sync))) throw new Error('pull failed');
    const clerk = { id: login.user.id, name: login.user.displayName, roles: login.user.roles, team: login.user.team };
    const held = (await db.query<{ id: string }>("SELECT id FROM cases WHERE assignee_id = $1 AND state = 'doc_check' ORDER BY id LIMIT 1000", [login.user.id])).map((r) => r.id);
    if (held.length !== 1000) throw new Error(`holds ${held.length} cases`);
    for (const caseId of held) {
      const r = d.host.services.commands.execute(clerk, 'passDocCheck', { caseId });
      if (!r.ok) throw new Error(r.error.messageEn);
    }
    const t0 = performance.now();
    await pushOutbox(d.sync);
    times.push(performance.now() - t0);
    if (d.sync.store.pendingCount() !== 0 || d.sync.store.rejectionCount() !== 0) throw new Error('push left commands unanswered or refused');
    d.close();
  }
  return median(times);
}

/**
 * 16 clients claim next from the 资料审核 queue until it is empty or the time is up. Besides the rate, the
 * CPU each party spent per claim: the server, PostgreSQL and the clients share two cores here, so the rate
 * moves with whatever else the VM does, while the cost per claim says what a change to the server did.
 */
async function benchClaims(server: { url: string; child: ChildProcess }, db: CentralDb) {
  const { hostname, port } = new URL(server.url);
  const tokens: string[] = [];
  for (let k = 0; k < 16; k++) tokens.push((await serverToken(server.url, `bench${k}`, 'Bench@2026')).token);
  const claimed = new Map<string, number>();
  let made = 0;
  const claimFor = async (client: RawHttpClient, token: string): Promise<boolean> => {
    const r = (await client.post('/v1/claim-next', token, { commandId: randomUUID(), queue: 'doc_check' })) as {
      ok: boolean;
      value?: { status: string; change?: { caseId: string } };
    };
    if (!r.ok) throw new Error(JSON.stringify(r));
    if (r.value!.status !== 'accepted') return false;
    const id = r.value!.change!.caseId;
    claimed.set(id, (claimed.get(id) ?? 0) + 1);
    made++;
    return true;
  };
  const clients = tokens.map(() => new RawHttpClient(hostname, Number(port)));
  // A server that has just started is still compiling its hot paths (TurboFan on the VM's two cores):
  // the first claims warm it up and are counted for double claims but not timed.
  let warmUp = WARM_UP_CLAIMS;
  await Promise.all(
    clients.map(async (client, k) => {
      while (warmUp-- > 0) await claimFor(client, tokens[k]!);
    }),
  );
  const warmedUp = made;
  const meter = cpuMeter(server.child.pid!);
  const deadline = performance.now() + CLAIM_SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (client, k) => {
      while (performance.now() < deadline && (await claimFor(client, tokens[k]!)));
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const spent = meter();
  for (const client of clients) client.close();
  const total = made - warmedUp;
  const perClaim = (ms: number) => ms / total;
  const [row] = await db.query<{ doubles: number }>(
    "SELECT count(*)::int AS doubles FROM (SELECT case_id FROM commands WHERE name = 'claim' AND status = 'accepted' GROUP BY case_id HAVING count(*) > 1) x",
  );
  const clientDoubles = [...claimed.values()].filter((n) => n > 1).length;
  return {
    perSecond: total / seconds,
    doubles: Math.max(row!.doubles, clientDoubles),
    serverMs: perClaim(spent.serverMs),
    postgresMs: perClaim(spent.postgresMs),
    clientsMs: perClaim(spent.selfMs),
  };
}

/**
 * The same 16 clients asking the same server for /v1/health, which does no database work: what the HTTP hop
 * alone costs the server per request, to set beside a claim's CPU.
 */
async function benchHttpFloor(server: { url: string; child: ChildProcess }): Promise<{ perSecond: number; serverMs: number }> {
  const { hostname, port } = new URL(server.url);
  const clients = Array.from({ length: 16 }, () => new RawHttpClient(hostname, Number(port)));
  const loop = async (seconds: number) => {
    let n = 0;
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          const r = (await client.get('/v1/health')) as { ok: boolean };
          if (!r.ok) throw new Error(JSON.stringify(r));
          n++;
        }
      }),
    );
    return n;
  };
  await loop(1);
  const meter = cpuMeter(server.child.pid!);
  const t0 = performance.now();
  const n = await loop(Math.min(CLAIM_SECONDS, 5));
  const seconds = (performance.now() - t0) / 1000;
  const spent = meter();
  for (const client of clients) client.close();
  return { perSecond: n / seconds, serverMs: spent.serverMs / n };
}

/** 16 connections claiming with one bare statement each (no HTTP, no decide, no audit): the machine's ceiling. */
async function benchBareLoop(url: string): Promise<{ perSecond: number; postgresMs: number; clientsMs: number }> {
  const db = openPostgres({ url, maxConnections: 16 });
  await db.query(`CREATE TABLE bare_queue AS SELECT g AS id, 'submitted'::text AS state, NULL::text AS assignee, g % 5 AS priority, lpad(g::text, 10, '0') AS due
    FROM generate_series(1, ${CLAIM_CASES}) g`);
  // Without a key the UPDATE finds its row by scanning the table (about 1,000/s here instead of about 3,900/s).
  await db.query('ALTER TABLE bare_queue ADD PRIMARY KEY (id)');
  await db.query('CREATE INDEX bare_claim ON bare_queue (state, priority DESC, due, id) WHERE assignee IS NULL');
  await db.query('ANALYZE bare_queue');
  let n = 0;
  const meter = cpuMeter(process.pid);
  const deadline = performance.now() + CLAIM_SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async (_, k) => {
      while (performance.now() < deadline) {
        const rows = await db.query(
          `UPDATE bare_queue SET assignee = $1, state = 'doc_check' WHERE id = (SELECT id FROM bare_queue WHERE state = 'submitted' AND assignee IS NULL
             ORDER BY priority DESC, due, id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id`,
          [`b${k}`],
        );
        if (rows.length === 0) return;
        n++;
      }
    }),
  );
  const perSecond = n / ((performance.now() - t0) / 1000);
  const spent = meter();
  await db.close();
  return { perSecond, postgresMs: spent.postgresMs / n, clientsMs: spent.selfMs / n };
}

type ServerProcess = Awaited<ReturnType<typeof startCentralProcess>>;

/** Pull and push: one server, 10,000 cases in the feed (plus the demo users). */
async function feedPart(pg: PgCluster, procs: ServerProcess[]) {
  const feedUrl = await pg.createDatabase('bench_feed');
  const feedDb = await centralDb(feedUrl);
  const feedServer = await startCentralProcess({ databaseUrl: feedUrl, demoCases: 0 });
  procs.push(feedServer);
  await importCases(feedDb, queuedCases(10_000, NOW, 21), NOW);
  const pull = await benchPull(feedServer);
  report('sync.pull_10k_ms', Math.round(pull.ms), 'ms');
  report('sync.pull_desktop_cpu_ms', Math.round(pull.desktopCpuMs), 'ms');
  report('sync.pull_server_cpu_ms', Math.round(pull.serverCpuMs), 'ms');
  report('sync.pull_postgres_cpu_ms', Math.round(pull.postgresCpuMs), 'ms');
  report('sync.push_1k_ms', Math.round(await benchPush(feedServer.url, feedDb)), 'ms');
  await feedDb.close();
}

/** Claims: a separate database with 16 clerks and the queue. */
async function claimsPart(pg: PgCluster, procs: ServerProcess[]) {
  const claimUrl = await pg.createDatabase('bench_claims');
  const claimDb = await centralDb(claimUrl);
  await createUsers(
    claimDb,
    Array.from({ length: 16 }, (_, k) => ({ id: `u-b${k}`, username: `bench${k}`, displayName: `压测${k}`, roles: ['clerk' as const], team: null, password: 'Bench@2026' })),
    new Date(NOW).toISOString(),
  );
  await importCases(claimDb, queuedCases(WARM_UP_CLAIMS + CLAIM_CASES, NOW, 22), NOW);
  const claimServer = await startCentralProcess({ databaseUrl: claimUrl, nodeArgs: PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [] });
  procs.push(claimServer);
  if (SPLIT) {
    pin(claimServer.child.pid!, 1);
    pinPostgres(pg);
  }
  const claims = await benchClaims(claimServer, claimDb);
  report('sync.claims_per_s', Math.round(claims.perSecond), 'claims/s');
  report('sync.double_claims', claims.doubles, 'cases');
  report('sync.claim_server_cpu_ms', claims.serverMs, 'ms/claim');
  report('sync.claim_postgres_cpu_ms', claims.postgresMs, 'ms/claim');
  report('sync.claim_clients_cpu_ms', claims.clientsMs, 'ms/claim');
  const floor = await benchHttpFloor(claimServer);
  report('sync.http_floor_per_s', Math.round(floor.perSecond), 'requests/s');
  report('sync.http_floor_server_cpu_ms', floor.serverMs, 'ms/request');
  await claimDb.close();
}

/**
 * `BENCH_SPLIT_CORES=1`: PostgreSQL on core 0, the central server and the bench's clients on core 1, as a
 * deployment gives the primary a machine of its own; the bare loop is split the same way (its clients on 1).
 */
const SPLIT = process.env.BENCH_SPLIT_CORES === '1';
/** Pins a process and its threads to one core; one that has just ended is no matter. */
function pin(pid: number, core: number): void {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
  } catch {
    // gone meanwhile (an autovacuum worker, a backend that closed)
  }
}
/** This bench's cluster only: its postmaster (backends started later inherit its core) and its children now. */
function pinPostgres(pg: PgCluster): void {
  const postmaster = Number(readFileSync(join(pg.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  pin(postmaster, 0);
  let children = '';
  try {
    children = execFileSync('pgrep', ['-P', String(postmaster)]).toString();
  } catch {
    // none
  }
  for (const pid of children.trim().split('\n').filter(Boolean)) pin(Number(pid), 0);
}

async function main() {
  const pg = await startPostgres();
  const procs: ServerProcess[] = [];
  try {
    if (SPLIT) {
      pinPostgres(pg);
      pin(process.pid, 1);
    }
    if (part('feed')) await feedPart(pg, procs);
    if (part('claims')) await claimsPart(pg, procs);
    if (part('bare')) {
      const bare = await benchBareLoop(await pg.createDatabase('bench_bare'));
      report('sync.bare_claims_per_s', Math.round(bare.perSecond), 'claims/s');
      report('sync.bare_postgres_cpu_ms', bare.postgresMs, 'ms/claim');
      report('sync.bare_clients_cpu_ms', bare.clientsMs, 'ms/claim');
    }
  } finally {
    for (const p of procs) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
    pg.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
