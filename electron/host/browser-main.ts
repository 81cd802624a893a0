import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from './data-dir';
import { createHost } from './host';
import { startHttpServer } from './http/http-server';
import { log } from './log';
import { startEmbeddedCentral, type EmbeddedCentral } from './sync/embedded-central';
import { setAsideForeignStore } from './sync/replica-store';

/**
 * Browser mode: the host services and the built UI on 127.0.0.1, for machines without the Electron binary.
 *   node out/main/browser-host.js [--port 5317] [--data-dir DIR] [--demo] [--demo-cases N]
 *     [--central-url URL | --embedded-central]
 * With --central-url (or WORKBENCH_CENTRAL_URL) the host syncs with that central server; with
 * --embedded-central it first starts one in this process (PGlite in DIR/central, demo data with --demo),
 * which is what `npm start` does. Neither: the host works alone.
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
    },
    allowPositionals: false,
  });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  let central: EmbeddedCentral | null = null;
  let centralUrl = values['central-url'] || undefined;
  if (!centralUrl && values['embedded-central']) {
    central = await startEmbeddedCentral({ dataDir: join(dataDir, 'central'), demoCases: values.demo ? Number(values['demo-cases']) : null });
    centralUrl = central.url;
    log.info('host', `中央服务器（内嵌）/ embedded central server: ${central.url}`);
  }
  if (centralUrl) {
    const aside = setAsideForeignStore(dataDir, central?.serverId ?? null);
    if (aside) log.info('host', `原有本地数据不属于该中央服务器，已另存为 / the local store belonged to no such server; kept as ${aside}`);
  }
  const host = createHost({ dataDir, seedDemo: values.demo, demoCases: Number(values['demo-cases']), centralUrl });
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
    host.close();
    await central?.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  log.error('host', '启动失败 / failed to start', e);
  process.exit(1);
});
