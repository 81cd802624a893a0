#!/usr/bin/env node
// `npm start`: build when sources changed, then run the desktop app in Electron — or, where Electron cannot
// run (no binary, no display), the same host services behind a local web server for a browser.
//   WORKBENCH_MODE=browser|electron   force a mode
//   WORKBENCH_CENTRAL_URL=http://…     sync with that central server (default: an embedded one)
//   WORKBENCH_STANDALONE=1            no central server: the host works alone
//   npm start -- <args>               passed on to Electron or to the browser host
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const outDir = join(root, 'out');
const stampFile = join(outDir, '.build-stamp');
const BUILD_INPUTS = ['electron', 'shared', 'renderer', 'electron.vite.config.ts'];

/** True if any build input under `path` was modified after `time`; tests are not build inputs. */
function changedSince(path, time) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return false;
  }
  if (!stat.isDirectory()) return stat.mtimeMs > time && !/\.test\.tsx?$/.test(path);
  return readdirSync(path).some(
    (name) => name !== 'node_modules' && !name.startsWith('.') && changedSince(join(path, name), time),
  );
}

function needsBuild() {
  // No stamp also covers a missing out/ and an earlier build that failed half-way.
  if (!existsSync(stampFile)) return true;
  const builtAt = statSync(stampFile).mtimeMs;
  return BUILD_INPUTS.some((input) => changedSince(join(root, input), builtAt));
}

function build() {
  // The stamp carries the time the build started: a file saved while the build ran is newer, so it is rebuilt next time.
  const startedAt = new Date();
  const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('构建失败 / Build failed');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, `${startedAt.toISOString()}\n`);
  utimesSync(stampFile, startedAt, startedAt);
}

/** Path of a runnable Electron binary, or null. */
function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  // electron/index.js downloads the binary when it is missing — a network call that can hang for minutes
  // behind a proxy and prints a stack trace. Only ask it once the file it would name is already there.
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile) || !existsSync(join(packageDir, 'dist', readFileSync(pathFile, 'utf8')))) return null;
  }
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** @returns {{ mode: 'electron', binary: string } | { mode: 'browser', why: string }} */
function chooseMode() {
  const forced = process.env.WORKBENCH_MODE;
  if (forced !== undefined && forced !== '' && forced !== 'browser' && forced !== 'electron') {
    console.error(`WORKBENCH_MODE 只能是 browser 或 electron / WORKBENCH_MODE must be browser or electron (got "${forced}")`);
    process.exit(2);
  }
  if (forced === 'browser') {
    return { mode: 'browser', why: 'WORKBENCH_MODE=browser，使用浏览器模式 / WORKBENCH_MODE=browser, starting in browser mode' };
  }
  const binary = findElectronBinary();
  if (forced === 'electron') {
    if (binary) return { mode: 'electron', binary };
    console.error('WORKBENCH_MODE=electron，但未找到 Electron 可执行文件 / WORKBENCH_MODE=electron, but the Electron binary was not found');
    process.exit(1);
  }
  if (!binary) {
    return { mode: 'browser', why: '未找到 Electron 可执行文件，改用浏览器模式 / Electron binary not found, starting in browser mode' };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return {
      mode: 'browser',
      why: '没有图形界面（DISPLAY 与 WAYLAND_DISPLAY 均未设置），改用浏览器模式 / No display (DISPLAY and WAYLAND_DISPLAY unset), starting in browser mode',
    };
  }
  return { mode: 'electron', binary };
}

/** Run the child in the foreground: our signals go to it, and its exit is ours. */
function runForeground(command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  const signals = ['SIGINT', 'SIGTERM'];
  for (const signal of signals) process.on(signal, forward);
  child.on('error', (error) => {
    console.error(`无法启动 ${command} / Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    // Dying by the same signal tells the parent shell the truth (e.g. 130 after Ctrl+C).
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}

const choice = chooseMode();
if (needsBuild()) build();
const passThrough = process.argv.slice(2);

if (choice.mode === 'electron') {
  // Set in some shells and CI images; it would make the binary behave as plain Node and ignore the app.
  const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
  runForeground(choice.binary, [root, ...passThrough], env);
} else {
  console.log(choice.why);
  const browserHost = join(outDir, 'main', 'browser-host.js');
  if (!existsSync(browserHost)) {
    console.error(`找不到 ${browserHost}（构建不完整？）/ ${browserHost} is missing (incomplete build?)`);
    process.exit(1);
  }
  // One machine, no setup: a central server runs embedded (PGlite in the data folder) and the host syncs
  // with it — unless WORKBENCH_CENTRAL_URL names a real one, or WORKBENCH_STANDALONE=1 asks for none. The
  // rule is electron/host/start-workbench.ts's, which the Electron app follows too.
  runForeground(process.execPath, [browserHost, '--demo', '--central-from-env', ...passThrough], process.env);
}
