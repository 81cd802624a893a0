import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../electron/host/db/database';
import { createServices } from '../../electron/host/host';
import { createDemoUsers, seedCases } from '../../electron/host/demo/seed';

/** Seeding 100,000 cases through the command path takes a while; keep one copy per count between runs. */
const CACHE = resolve('node_modules/.cache/cfw-bench');
export const BENCH_NOW = Date.parse('2026-11-24T06:00:00.000Z');

export async function benchDataDir(cases: number): Promise<string> {
  const cached = join(CACHE, `store-${cases}-v3.sqlite`);
  if (!existsSync(cached)) {
    mkdirSync(CACHE, { recursive: true });
    const building = cached + '.building';
    rmSync(building, { force: true });
    const db = openDatabase(building);
    const services = createServices(db, { now: () => BENCH_NOW, idleTimeoutMinutes: 15, onChange: () => {} });
    const t0 = performance.now();
    await createDemoUsers(services, new Date(BENCH_NOW).toISOString());
    seedCases(services, cases, BENCH_NOW);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    console.error(`seeded ${cases} cases in ${Math.round(performance.now() - t0)} ms`);
    copyFileSync(building, cached);
    rmSync(building, { force: true });
  }
  const dir = join(CACHE, `run-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(cached, join(dir, 'workbench.sqlite'));
  return dir;
}
