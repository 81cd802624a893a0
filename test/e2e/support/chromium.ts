import { existsSync } from 'node:fs';

/** Flags that keep Chromium off the (closed) network and runnable as root in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Debian's Chromium; a missing browser is a failure, never a reason to skip. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`未找到 Chromium（${path}）。请先执行 apt-get install -y chromium / Chromium not found at ${path}; install Debian's chromium`);
  }
  return path;
}
