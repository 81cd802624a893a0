import { rmSync } from 'node:fs';
import { test } from '@playwright/test';
import { startBrowserHost } from './browser-host';

/**
 * A host of the calling spec's own, synced with an embedded central server (as `npm start` runs it), started
 * before the spec's tests and stopped and removed after them. Call at the top level of a spec.
 */
export function syncedHostForSpec(demoCases: number): { readonly url: string } {
  let host: Awaited<ReturnType<typeof startBrowserHost>> | undefined;
  test.beforeAll(async () => {
    host = await startBrowserHost({ demoCases, embeddedCentral: true });
  });
  test.afterAll(async () => {
    if (!host) return;
    const { child, dataDir } = host;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!host) throw new Error('the synced host has not started');
      return host.url;
    },
  };
}
