import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from './data-dir';
import { startHttpServer } from './http/http-server';
import { log } from './log';
import { centralFromEnv, startWorkbench, type CentralChoice } from './start-workbench';

/**
 * Browser mode: the host services and the built UI on 127.0.0.1, for machines without the Electron binary.
 *   node out/main/browser-host.js [--port 5317] [--data-dir DIR] [--demo] [--demo-cases N]
 *     [--central-url URL | --embedded-central | --central-from-env]
 * With --central-url (or WORKBENCH_CENTRAL_URL) the host syncs with that central server; with
 * --embedded-central it first starts one in this process (PGlite in DIR/central, demo data with --demo);
 * --central-from-env follows `npm start`'s rule (start-workbench.ts: a URL, WORKBENCH_STANDALONE=1, or
 * embedded), which is what `npm start` passes and what the Electron app does. None of them: the host works
 * alone.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.WORKBENCH_PORT ?? '5317' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'demo-cases': { type: 'string', default: '5000' },
      'central-url': { type: 'string', default: process.env.WORKBENCH_CENTRAL_URL },
      'embedded-central': { type: 'boolean', default: false },
      'central-from-env': { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const centralUrl = values['central-url'];
  const central: CentralChoice = centralUrl
    ? { kind: 'url', url: centralUrl }
    : values['embedded-central']
      ? { kind: 'embedded' }
      : values['central-from-env']
        ? centralFromEnv(process.env)
        : { kind: 'standalone' };
  const workbench = await startWorkbench({ dataDir, central, demo: values.demo, demoCases: Number(values['demo-cases']) });
  const { host } = workbench;
  await host.ready;
  const here = dirname(fileURLToPath(import.meta.url));
  const staticRoot = join(here, '../renderer');
  const port = Number(values.port);
  // A busy default port (a second workbench, another app) should not stop the user: take any free port.
  const { app, url } = await startHttpServer({ host, staticRoot, port }).catch((e: unknown) => {
    if ((e as { code?: string }).code !== 'EADDRINUSE' || port === 0) throw e;
    log.info('host', `端口 ${port} 已被占用，改用空闲端口 / port ${port} is busy, using a free one`);
    return startHttpServer({ host, staticRoot, port: 0 });
  });
  log.info('host', `数据目录 / data folder: ${dataDir}`);
  console.log(`信贷工厂工作台已启动（浏览器模式），请打开 / Workbench running in browser mode, open: ${url}`);
  const stop = async () => {
    await app.close();
    await workbench.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  log.error('host', '启动失败 / failed to start', e);
  process.exit(1);
});
