#!/usr/bin/env node
// npm run bench -- <suite> [...]: runs bench/<suite>.bench.ts, which prints `BENCH <name> <value> <unit>` lines.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const available = readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', ''));
const suites = process.argv.slice(2);
if (suites.length === 0 || suites.some((s) => !existsSync(`bench/${s}.bench.ts`))) {
  console.error(`用法 / usage: npm run bench -- <${available.join('|')}> …`);
  process.exit(2);
}
for (const suite of suites) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${suite}.bench.ts`], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
