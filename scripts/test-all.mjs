#!/usr/bin/env node
// npm test: typecheck, unit + integration (vitest), build, end-to-end (Playwright in Chromium).
// Every stage runs even if an earlier one failed, so one run shows everything; the exit code is non-zero
// if any stage failed. The last line sums the tests of all stages as "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = 'test-results';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const stages = [
  ['typecheck', 'npm', ['run', 'typecheck']],
  ['unit+integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${reports}/vitest.json`]],
  ['build', 'npx', ['electron-vite', 'build']],
  ['e2e', 'npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts']],
];

const failedStages = [];
for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) failedStages.push(name);
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(`${reports}/vitest.json`)) {
  const v = JSON.parse(readFileSync(`${reports}/vitest.json`, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
}
if (existsSync(`${reports}/e2e.json`)) {
  const s = JSON.parse(readFileSync(`${reports}/e2e.json`, 'utf8')).stats;
  passed += s.expected;
  failed += s.unexpected + s.flaky;
  skipped += s.skipped;
}
// A skipped test counts as a failing one here: nothing in this project is allowed to skip.
if (skipped > 0) failedStages.push(`${skipped} skipped`);
console.log(`\nstages failed: ${failedStages.length ? failedStages.join(', ') : 'none'}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStages.length || failed ? 1 : 0);
