import { join } from 'node:path';
import { createHost } from './host';
import type { HostOptions } from './host-handle';
import { log } from './log';
import { startEmbeddedCentral, type EmbeddedCentral } from './sync/embedded-central';
import { setAsideForeignStore } from './sync/replica-store';

/**
 * How a desktop starts, the same in Electron and in browser mode (plain Node: never imports electron).
 * Where its data comes from is one of three:
 *   embedded    a central server in this process (PGlite in <data folder>/central, demo data on first start)
 *               and the host syncing with it — what `npm start` runs on one machine with no setup;
 *   url         a central server elsewhere (WORKBENCH_CENTRAL_URL);
 *   standalone  no central server: the host works alone (WORKBENCH_STANDALONE=1).
 */
export type CentralChoice = { kind: 'embedded' } | { kind: 'url'; url: string } | { kind: 'standalone' };

/** `npm start`'s rule: WORKBENCH_CENTRAL_URL names a server, WORKBENCH_STANDALONE=1 asks for none, else embedded. */
export function centralFromEnv(env: Readonly<Record<string, string | undefined>>): CentralChoice {
  const url = env.WORKBENCH_CENTRAL_URL?.trim();
  if (url) return { kind: 'url', url };
  if (env.WORKBENCH_STANDALONE === '1') return { kind: 'standalone' };
  return { kind: 'embedded' };
}

export interface StartOptions {
  dataDir: string;
  central: CentralChoice;
  /** Demo users and applications on first start: in the embedded server, or in the local store when standalone. */
  demo: boolean;
  /** Number of demo applications (default 5,000). */
  demoCases?: number;
  /** Further host options (tests: clock, sync interval). */
  host?: Omit<HostOptions, 'dataDir' | 'seedDemo' | 'demoCases' | 'centralUrl'>;
}

export interface Workbench {
  host: ReturnType<typeof createHost>;
  /** The embedded central server, if this process runs one. */
  central: EmbeddedCentral | null;
  /** The central server the host syncs with (null: standalone). */
  centralUrl: string | null;
  /** Where a local store that could not become this server's replica was moved to, if it was. */
  setAside: string | null;
  /** Closes the host, then the embedded server. */
  close(): Promise<void>;
}

/**
 * Starts the central server if it is to be embedded, sets aside a local store that belongs to no such
 * server, and creates the host. The host's demo seed (standalone only) runs on: callers wait for
 * `host.ready` when they need it.
 */
export async function startWorkbench(opts: StartOptions): Promise<Workbench> {
  const demoCases = opts.demoCases ?? 5000;
  let central: EmbeddedCentral | null = null;
  let centralUrl: string | null = null;
  if (opts.central.kind === 'embedded') {
    central = await startEmbeddedCentral({ dataDir: join(opts.dataDir, 'central'), demoCases: opts.demo ? demoCases : null });
    centralUrl = central.url;
    log.info('host', `中央服务器（内嵌）/ embedded central server: ${central.url}`);
  } else if (opts.central.kind === 'url') {
    centralUrl = opts.central.url;
  }
  try {
    const setAside = centralUrl ? setAsideForeignStore(opts.dataDir, central?.serverId ?? null) : null;
    if (setAside) log.info('host', `原有本地数据不属于该中央服务器，已另存为 / the local store belonged to no such server; kept as ${setAside}`);
    const host = createHost({ ...opts.host, dataDir: opts.dataDir, seedDemo: opts.demo, demoCases, centralUrl: centralUrl ?? undefined });
    const embedded = central;
    return {
      host,
      central,
      centralUrl,
      setAside,
      async close() {
        host.close();
        await embedded?.close();
      },
    };
  } catch (e) {
    await central?.close().catch(() => undefined);
    throw e;
  }
}
