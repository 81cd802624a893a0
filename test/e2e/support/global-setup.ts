import { rmSync } from 'node:fs';
import { startBrowserHost } from './browser-host';

/** One browser-mode host with demo data for all specs; its URL reaches the specs through E2E_BASE_URL. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const { url, child, dataDir } = await startBrowserHost({ demoCases: 1500 });
  process.env.E2E_BASE_URL = url;
  process.env.E2E_DATA_DIR = dataDir;
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
