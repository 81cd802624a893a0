import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The central server as its own process (server/main.ts, the production entry), so a test can kill it with
 * SIGKILL and start it again on the same database and port.
 */
export async function startCentralProcess(opts: {
  databaseUrl?: string;
  dataDir?: string;
  port?: number;
  demoCases?: number;
  env?: Record<string, string>;
  /** Node options for the child, such as `--cpu-prof` when profiling a bench. */
  nodeArgs?: string[];
}): Promise<{ url: string; port: number; child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  const args = [...(opts.nodeArgs ?? []), '--import', 'tsx', join(root, 'server/main.ts'), '--port', String(opts.port ?? 0)];
  if (opts.dataDir) args.push('--data-dir', opts.dataDir);
  if (opts.demoCases !== undefined) args.push('--demo', '--demo-cases', String(opts.demoCases));
  const env: Record<string, string | undefined> = { ...process.env, ...opts.env };
  if (opts.databaseUrl) env.CENTRAL_DATABASE_URL = opts.databaseUrl;
  else delete env.CENTRAL_DATABASE_URL;
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`central server did not start: ${out}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`central server exited (${code ?? signal}): ${out}`));
    });
  });
  return { url, port: Number(new URL(url).port), child, exited };
}
