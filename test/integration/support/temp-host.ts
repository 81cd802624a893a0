import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiInput, ApiOutput, Channel } from '../../../shared/api/contract';
import type { Result } from '../../../shared/errors';
import { createHost } from '../../../electron/host/host';
import { DEMO_PASSWORD } from '../../../electron/host/demo/demo-users';
import type { DocumentOptions } from '../../../electron/host/documents/document-service';

process.env.WORKBENCH_QUIET = '1';

/** A real host on a real SQLite file in a temp folder, with demo data and a clock the test controls. */
export async function tempHost(opts: { cases?: number; idleTimeoutMinutes?: number; start?: number; documents?: DocumentOptions } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cfw-test-'));
  let clock = opts.start ?? Date.parse('2026-11-24T02:00:00.000Z'); // Tuesday 10:00 in Shanghai
  const host = createHost({
    dataDir,
    seedDemo: true,
    demoCases: opts.cases ?? 300,
    idleTimeoutMinutes: opts.idleTimeoutMinutes ?? 15,
    now: () => clock,
    ...(opts.documents ? { documents: opts.documents } : {}),
  });
  await host.ready;
  async function call<C extends Channel>(channel: C, token: string | null, input: ApiInput<C>): Promise<Result<ApiOutput<C>>> {
    return (await host.dispatch(channel, token, input)) as Result<ApiOutput<C>>;
  }
  async function login(username: string, password = DEMO_PASSWORD): Promise<string> {
    const r = await call('auth:login', null, { username, password });
    if (!r.ok) throw new Error(`login ${username}: ${r.error.messageEn}`);
    return r.value.token;
  }
  return {
    host,
    dataDir,
    dbFile: join(dataDir, 'workbench.sqlite'),
    call,
    login,
    advance(ms: number) {
      clock += ms;
    },
    now: () => clock,
    close() {
      host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TempHost = Awaited<ReturnType<typeof tempHost>>;

export { value } from './result';
