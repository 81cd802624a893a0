import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, EVENT_CHANNEL, MENU_LANGUAGE_CHANNEL, type HostEvent, type WorkbenchBridge, type WorkbenchTransport } from '../../shared/api/contract';
import { PRELOAD_FROM_MAIN } from '../../electron/main/window-options';

/*
 * The preload runs in a sandboxed renderer: no ESM, no node_modules, `require` limited to 'electron' and a
 * few built-ins. Only the built file can show that the bundler honoured that, so this test reads it — and
 * runs it against a fake 'electron' — without needing the Electron binary.
 */

const root = resolve(import.meta.dirname, '../..');
const bundlePath = join(root, 'out/preload/index.cjs');
const mainBundlePath = join(root, 'out/main/index.js');
// Electron is dropping events/timers/url from sandboxed preloads; the bundle must need nothing but electron.
const SANDBOX_MODULES = new Set(['electron']);

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Build when the bundle is missing or older than what goes into it, so the test never judges a stale file. */
function ensureBuilt(): void {
  const sources = ['electron', 'shared', 'electron.vite.config.ts'].map((p) => join(root, p));
  const built = existsSync(bundlePath) && existsSync(mainBundlePath);
  if (built && Math.min(statSync(bundlePath).mtimeMs, statSync(mainBundlePath).mtimeMs) >= Math.max(...sources.map(newestMtime))) {
    return;
  }
  const cli = join(dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  try {
    execFileSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'pipe', timeout: 170_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`electron-vite build failed:\n${String(stdout ?? '')}\n${String(stderr ?? '')}`);
  }
}

interface Loaded {
  exposed: Map<string, unknown>;
  required: string[];
  invokes: unknown[][];
  sends: unknown[][];
  listeners: Map<string, Set<(...args: unknown[]) => void>>;
  fakeIpcRenderer: object;
}

/** Run the bundle the way Node's CommonJS loader would, in a fresh context with nothing but JS built-ins. */
function loadBundle(code: string): Loaded {
  const loaded: Loaded = { exposed: new Map(), required: [], invokes: [], sends: [], listeners: new Map(), fakeIpcRenderer: {} };
  const ipcRenderer = {
    invoke(...args: unknown[]) {
      loaded.invokes.push(args);
      return Promise.resolve({ ok: true, value: 'from-main' });
    },
    send(...args: unknown[]) {
      loaded.sends.push(args);
    },
    on(channel: string, listener: (...args: unknown[]) => void) {
      const set = loaded.listeners.get(channel) ?? new Set();
      loaded.listeners.set(channel, set.add(listener));
      return ipcRenderer;
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      loaded.listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  loaded.fakeIpcRenderer = ipcRenderer;
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void loaded.exposed.set(key, value) },
    ipcRenderer,
  };
  const fakeRequire = (id: string): unknown => {
    loaded.required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require '${id}'`);
  };
  const module = { exports: {} };
  const context = vm.createContext({});
  const wrapper = vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], {
    filename: bundlePath,
    parsingContext: context,
  });
  wrapper(module.exports, fakeRequire, module, bundlePath, dirname(bundlePath));
  return loaded;
}

describe('built preload (out/preload/index.cjs)', () => {
  let code = '';

  beforeAll(() => {
    ensureBuilt();
    code = readFileSync(bundlePath, 'utf8');
  }, 180_000);

  it('is one CommonJS script: no import/export statements, no import.meta, no dynamic import', () => {
    expect(code).not.toMatch(/^\s*(import|export)(\s+[\w{*'\"]|\s*[{*])/m); // a statement, not a word such as 'imported'
    expect(code).not.toMatch(/\bimport\s*\(/);
    // Compiling as a CommonJS function body is the real test: any ESM syntax is a SyntaxError here.
    expect(() => vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'])).not.toThrow();
  });

  it("requires only 'electron' and sandbox built-ins, always by literal name", () => {
    const all = code.match(/\brequire\s*\(/g) ?? [];
    const literal = [...code.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((m) => m[2]);
    expect(literal).toHaveLength(all.length);
    expect(literal).toContain('electron');
    for (const id of literal) expect(SANDBOX_MODULES.has(id), `require('${id}')`).toBe(true);
  });

  it('is the file the main process loads', () => {
    expect(resolve(dirname(mainBundlePath), PRELOAD_FROM_MAIN)).toBe(bundlePath);
    expect(readFileSync(mainBundlePath, 'utf8')).toContain(JSON.stringify(PRELOAD_FROM_MAIN));
  });

  it('exposes exactly window.workbench, with invoke, onEvent and setMenuLanguage only', () => {
    const { exposed, required } = loadBundle(code);
    expect(required.every((id) => SANDBOX_MODULES.has(id))).toBe(true);
    expect([...exposed.keys()]).toEqual(['workbench']);
    const workbench = exposed.get('workbench') as Record<string, unknown>;
    expect(Object.keys(workbench).sort()).toEqual(['invoke', 'onEvent', 'setMenuLanguage']);
    for (const key of Object.keys(workbench)) expect(typeof workbench[key]).toBe('function');
  });

  it('sends the menu language to the main process, a UI language only', () => {
    const { exposed, sends, invokes } = loadBundle(code);
    const workbench = exposed.get('workbench') as WorkbenchBridge;
    workbench.setMenuLanguage('en-US');
    for (const other of ['fr-FR', '', null, { toString: () => 'en-US' }]) workbench.setMenuLanguage(other as never);
    workbench.setMenuLanguage('zh-CN');
    expect(sends).toEqual([
      [MENU_LANGUAGE_CHANNEL, 'en-US'],
      [MENU_LANGUAGE_CHANNEL, 'zh-CN'],
    ]);
    expect(invokes).toEqual([]);
  });

  it('forwards every contract channel to ipcRenderer.invoke as { token, input, background }', async () => {
    const { exposed, invokes } = loadBundle(code);
    const workbench = exposed.get('workbench') as WorkbenchTransport;
    for (const channel of CHANNELS) {
      const input = { probe: channel };
      await expect(workbench.invoke(channel, 'tok-1', input)).resolves.toEqual({ ok: true, value: 'from-main' });
    }
    expect(invokes).toEqual(CHANNELS.map((channel) => [channel, { token: 'tok-1', input: { probe: channel }, background: false }]));
    await workbench.invoke('auth:login', null, { username: 'u', password: 'p' });
    expect(invokes.at(-1)).toEqual(['auth:login', { token: null, input: { username: 'u', password: 'p' }, background: false }]);
    // A refresh the page made on its own; anything but true (a compromised page's junk) is not background.
    await workbench.invoke('queue:counts', 'tok-1', {}, { background: true });
    expect(invokes.at(-1)).toEqual(['queue:counts', { token: 'tok-1', input: {}, background: true }]);
    await workbench.invoke('queue:counts', 'tok-1', {}, { background: 'yes' } as never);
    expect(invokes.at(-1)).toEqual(['queue:counts', { token: 'tok-1', input: {}, background: false }]);
  });

  it('refuses an unknown channel without calling ipcRenderer', async () => {
    const { exposed, invokes } = loadBundle(code);
    const workbench = exposed.get('workbench') as WorkbenchTransport;
    // The page can pass anything through the bridge; the types are not there at run time.
    const unknownChannels: unknown[] = ['shell:exec', EVENT_CHANNEL, 'constructor', '__proto__', '', { toString: () => 'auth:me' }];
    for (const channel of unknownChannels) {
      const result = await workbench.invoke(channel as never, null, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(invokes).toEqual([]);
  });

  it('delivers host events to the listener without the IPC event, until unsubscribed', () => {
    const { exposed, listeners, fakeIpcRenderer } = loadBundle(code);
    const workbench = exposed.get('workbench') as WorkbenchTransport;
    const received: unknown[][] = [];
    const unsubscribe = workbench.onEvent((...args: unknown[]) => void received.push(args));
    const registered = [...(listeners.get(EVENT_CHANNEL) ?? [])];
    expect(registered).toHaveLength(1);
    expect([...listeners.keys()]).toEqual([EVENT_CHANNEL]);

    const event: HostEvent = { type: 'session-expired' };
    registered[0]!({ sender: fakeIpcRenderer }, event);
    expect(received).toEqual([[event]]);

    unsubscribe();
    expect(listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });
});
