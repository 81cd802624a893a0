import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../electron/host/demo/demo-users';
import { DB_FILE } from '../../electron/host/host';
import { centralFromEnv, startWorkbench, type Workbench } from '../../electron/host/start-workbench';
import { pgliteDataDir } from './support/central';
import { startCentralProcess } from './support/central-child';
import { FolderInUseError } from '../../server/db/folder-lock';

process.env.WORKBENCH_QUIET = '1';
// The embedded server must be PGlite in the data folder here, whatever the shell says.
delete process.env.CENTRAL_DATABASE_URL;

const root = resolve(import.meta.dirname, '../..');
const DEMO_CASES = 40;

/*
 * The one start-up of both Electron and browser mode (electron/host/start-workbench.ts), in plain Node:
 * the choice between an embedded central server, one at a URL and none; the local store that is set aside
 * when it cannot become the server's replica; and a host that syncs (or works alone) as chosen.
 */

const dirs: string[] = [];
const open: Workbench[] = [];
afterAll(async () => {
  for (const w of open.reverse()) await w.close().catch(() => undefined);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cfw-start-'));
  dirs.push(d);
  return d;
}

/** An embedded server's folder, from the migrated PGlite template (creating a cluster takes seconds). */
async function migratedCentralFolder(dir: string): Promise<void> {
  const data = await pgliteDataDir();
  cpSync(data, join(dir, 'central'), { recursive: true });
  rmSync(dirname(data), { recursive: true, force: true });
}

async function start(opts: Parameters<typeof startWorkbench>[0]): Promise<Workbench> {
  const w = await startWorkbench({ ...opts, host: { syncIntervalMs: 0, ...opts.host } });
  open.push(w);
  return w;
}

async function close(w: Workbench): Promise<void> {
  open.splice(open.indexOf(w), 1);
  await w.close();
}

const caseCount = (w: Workbench) => (w.host.services.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;

async function login(w: Workbench, username: string) {
  const r = await w.host.dispatch('auth:login', null, { username, password: DEMO_PASSWORD });
  expect(r.ok, JSON.stringify(r)).toBe(true);
}

/** Bare module specifiers reached from `entry` through its relative imports (type-only ones included). */
function packagesImportedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) {
        packages.add(fileName.startsWith('@') ? fileName.split('/').slice(0, 2).join('/') : fileName.split('/')[0]!);
        continue;
      }
      const base = resolve(dirname(file), fileName);
      const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && p.match(/\.tsx?$/));
      if (found) visit(found);
    }
  };
  visit(entry);
  return packages;
}

describe('startWorkbench: how Electron and browser mode start', () => {
  it("follows npm start's rule: a URL names a server, WORKBENCH_STANDALONE=1 none, otherwise embedded", () => {
    expect(centralFromEnv({})).toEqual({ kind: 'embedded' });
    expect(centralFromEnv({ WORKBENCH_CENTRAL_URL: '' })).toEqual({ kind: 'embedded' });
    expect(centralFromEnv({ WORKBENCH_STANDALONE: '1' })).toEqual({ kind: 'standalone' });
    expect(centralFromEnv({ WORKBENCH_STANDALONE: '0' })).toEqual({ kind: 'embedded' });
    expect(centralFromEnv({ WORKBENCH_CENTRAL_URL: ' http://10.0.0.5:5318 ' })).toEqual({ kind: 'url', url: 'http://10.0.0.5:5318' });
    // A named server wins over "standalone".
    expect(centralFromEnv({ WORKBENCH_CENTRAL_URL: 'http://c:5318', WORKBENCH_STANDALONE: '1' })).toEqual({ kind: 'url', url: 'http://c:5318' });
  });

  it('is plain Node: nothing it imports, however deep, is electron', () => {
    const packages = packagesImportedFrom(join(root, 'electron/host/start-workbench.ts'));
    expect(packages.has('better-sqlite3')).toBe(true); // the walk does reach the host's store
    expect(packages.has('@electric-sql/pglite')).toBe(true); // and the embedded server
    expect([...packages].filter((p) => p === 'electron' || p.startsWith('electron/'))).toEqual([]);
  });

  it('standalone: the host works alone, with the demo data in its own store', async () => {
    const dir = dataDir();
    const w = await start({ dataDir: dir, central: { kind: 'standalone' }, demo: true, demoCases: DEMO_CASES });
    await w.host.ready;
    expect(w.central).toBeNull();
    expect(w.centralUrl).toBeNull();
    expect(w.host.sync).toBeNull();
    expect(caseCount(w)).toBe(DEMO_CASES);
    await close(w);
    expect(existsSync(join(dir, 'central'))).toBe(false);
  });

  let embedded: Workbench;

  it('embedded: sets a standalone store aside, starts the central server with the demo data and syncs with it', async () => {
    const dir = dataDir();
    // What an older `npm start` left: a standalone store with cases of its own.
    const before = await start({ dataDir: dir, central: { kind: 'standalone' }, demo: true, demoCases: 5 });
    await before.host.ready;
    await close(before);

    await migratedCentralFolder(dir);
    embedded = await start({ dataDir: dir, central: { kind: 'embedded' }, demo: true, demoCases: DEMO_CASES });
    expect(embedded.central).not.toBeNull();
    expect(embedded.centralUrl).toBe(embedded.central!.url);
    expect(embedded.setAside).toMatch(new RegExp(`${DB_FILE}\\..*\\.bak$`));
    expect(existsSync(embedded.setAside!)).toBe(true);
    expect(embedded.host.sync).not.toBeNull();
    expect(caseCount(embedded)).toBe(0); // a fresh replica: nothing seeded locally

    const health = await fetch(`${embedded.centralUrl}/v1/health`).then((r) => r.json() as Promise<{ ok: boolean; value: { serverId: string } }>);
    expect(health.value.serverId).toBe(embedded.central!.serverId);
    await login(embedded, 'zhouyan'); // online, through the server; the first sync pulls the whole feed
    expect(caseCount(embedded)).toBe(DEMO_CASES);
    expect(embedded.host.sync!.store.state('server_id')).toBe(embedded.central!.serverId);
  });

  it('embedded again on the same folder: the store is its replica and stays; the server keeps its data', async () => {
    const dir = dirname(embedded.setAside!);
    const serverId = embedded.central!.serverId;
    await close(embedded);
    const again = await start({ dataDir: dir, central: { kind: 'embedded' }, demo: true, demoCases: DEMO_CASES });
    expect(again.central!.serverId).toBe(serverId);
    expect(again.setAside).toBeNull();
    expect(caseCount(again)).toBe(DEMO_CASES);
    embedded = again;
  });

  it('a URL: syncs with that server and starts none; a store that belongs to no server is set aside', async () => {
    const dir = dataDir();
    const before = await start({ dataDir: dir, central: { kind: 'standalone' }, demo: true, demoCases: 3 });
    await before.host.ready;
    await close(before);

    const w = await start({ dataDir: dir, central: { kind: 'url', url: embedded.centralUrl! }, demo: true, demoCases: DEMO_CASES });
    expect(w.central).toBeNull();
    expect(w.centralUrl).toBe(embedded.centralUrl);
    expect(w.setAside).not.toBeNull();
    expect(existsSync(join(dir, 'central'))).toBe(false);
    expect(caseCount(w)).toBe(0); // demo data comes from the server, never from a local seed
    await w.host.ready;
    await login(w, 'wangfang');
    expect(caseCount(w)).toBe(DEMO_CASES);
    await close(w);
  });

  it('an embedded server that cannot start leaves no host behind', async () => {
    const dir = dataDir();
    // A file where the server's folder should be: PGlite cannot open it.
    cpSync(join(root, 'package.json'), join(dir, 'central'));
    await expect(startWorkbench({ dataDir: dir, central: { kind: 'embedded' }, demo: false })).rejects.toThrow();
    expect(existsSync(join(dir, DB_FILE))).toBe(false);
  });

  it('a second process on the same server folder is refused, in both languages, and the first goes on working', async () => {
    const dir = dataDir();
    const folder = join(dir, 'central'); // where `npm start` keeps its embedded server
    const first = await startCentralProcess({ dataDir: folder, demoCases: DEMO_CASES });
    try {
      await expect(startCentralProcess({ dataDir: folder })).rejects.toThrow(/数据目录正由另一个进程（\d+）使用[\s\S]*in use by another process/);
      // A workbench whose embedded server would open that folder is refused too, and leaves no store behind.
      await expect(startWorkbench({ dataDir: dir, central: { kind: 'embedded' }, demo: false })).rejects.toThrow(FolderInUseError);
      expect(existsSync(join(dir, DB_FILE))).toBe(false);
      const health = (await (await fetch(`${first.url}/v1/health`)).json()) as { ok: boolean };
      expect(health.ok).toBe(true);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
    // Once the first has stopped, the folder is free again.
    const again = await startCentralProcess({ dataDir: folder });
    again.child.kill('SIGTERM');
    await again.exited;
  });
});
