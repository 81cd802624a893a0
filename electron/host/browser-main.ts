import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from './data-dir';
import { createHost } from './host';
import { startHttpServer } from './http/http-server';
import { log } from './log';

/**
 * Browser mode: the host services and the built UI on 127.0.0.1, for machines without the Electron binary.
 *   node out/main/browser-host.js [--port 5317] [--data-dir DIR] [--demo] [--demo-cases N]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.WORKBENCH_PORT ?? '5317' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'demo-cases': { type: 'string', default: '5000' },
    },
    allowPositionals: false,
  });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const host = createHost({ dataDir, seedDemo: values.demo, demoCases: Number(values['demo-cases']) });
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
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  log.error('host', '启动失败 / failed to start', e);
  process.exit(1);
});
