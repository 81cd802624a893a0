import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts the built browser-mode host (out/main/browser-host.js) on a free loopback port with a fresh data
 * folder and demo data, and resolves with its URL once it prints it. `embeddedCentral`: synced with a central
 * server it starts first (PGlite in the data folder), as `npm start` runs it; `centralUrl`: synced with that one.
 */
export async function startBrowserHost(opts: {
  demoCases: number;
  dataDir?: string;
  embeddedCentral?: boolean;
  /** A central server elsewhere (a test's own, behind a gate it can cut). */
  centralUrl?: string;
}): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const entry = join(process.cwd(), 'out/main/browser-host.js');
  if (!existsSync(entry)) throw new Error('out/main/browser-host.js is missing: run `npm run build` first');
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'cfw-e2e-'));
  const args = [entry, '--port', '0', '--data-dir', dataDir, '--demo', '--demo-cases', String(opts.demoCases), ...(opts.embeddedCentral ? ['--embedded-central'] : []), ...(opts.centralUrl ? ['--central-url', opts.centralUrl] : [])];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WORKBENCH_QUIET: '1' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not start: ${out}`)), 180_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`browser host exited with ${code}: ${out}`)));
  });
  return { url, child, dataDir };
}
