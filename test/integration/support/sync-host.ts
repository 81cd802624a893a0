import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiInput, ApiOutput, Channel } from '../../../shared/api/contract';
import type { Result } from '../../../shared/errors';
import type { DocumentOptions } from '../../../electron/host/documents/document-service';
import { createHost } from '../../../electron/host/host';
import { DEMO_PASSWORD } from '../../../electron/host/demo/demo-users';

process.env.WORKBENCH_QUIET = '1';

/**
 * A desktop host on its own SQLite file, synced with `centralUrl`; sync rounds run only when the test asks.
 * `dataDir` reopens the store a closed desktop kept (`close(true)`).
 */
export function syncHost(
  centralUrl: string,
  opts: { clock?: { now: number }; offlineLoginHours?: number; documents?: DocumentOptions; dataDir?: string } = {},
) {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'cfw-desk-'));
  const clock = opts.clock ?? { now: Date.parse('2026-11-24T02:00:00.000Z') };
  const host = createHost({ dataDir, centralUrl, syncIntervalMs: 0, now: () => clock.now, offlineLoginHours: opts.offlineLoginHours, documents: opts.documents });
  const sync = host.sync!;
  let closed = false;
  async function call<C extends Channel>(channel: C, token: string | null, input: ApiInput<C>): Promise<Result<ApiOutput<C>>> {
    return (await host.dispatch(channel, token, input)) as Result<ApiOutput<C>>;
  }
  async function login(username: string, password = DEMO_PASSWORD): Promise<string> {
    const r = await call('auth:login', null, { username, password });
    if (!r.ok) throw new Error(`login ${username}: ${r.error.code} ${r.error.messageEn}`);
    return r.value.token;
  }
  return {
    host,
    sync,
    dataDir,
    clock,
    call,
    login,
    /** Stops the desktop and deletes its data folder, unless `keepData` (to reopen it). */
    close(keepData = false) {
      if (closed) return;
      closed = true;
      host.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type SyncHost = ReturnType<typeof syncHost>;
