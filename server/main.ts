import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loggableError } from '../shared/domain/masking';
import { DEFAULT_CONFIG } from './config';
import { openCentralDb } from './db/open';
import { seedCentralDemo } from './demo/central-demo';
import { startCentralServer } from './central-server';

/**
 * The central server as a process:
 *   node --import tsx server/main.ts [--port 5318] [--host 127.0.0.1] [--data-dir DIR] [--demo] [--demo-cases N]
 *   CENTRAL_DATABASE_URL=postgres://…   real PostgreSQL instead of PGlite in DIR (one process per PGlite folder)
 *   CENTRAL_LEASE_MINUTES=30            how long a claim holds a case without renewal
 *   CENTRAL_TOKEN_SECRET=…              token HMAC key (default: generated once, kept in the database)
 * Several instances may run against one PostgreSQL behind a load balancer: nothing is kept in memory that
 * another instance would need.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.CENTRAL_PORT ?? '5318' },
      host: { type: 'string', default: process.env.CENTRAL_HOST ?? '127.0.0.1' },
      'data-dir': { type: 'string', default: process.env.CENTRAL_DATA_DIR ?? '.data/central' },
      demo: { type: 'boolean', default: false },
      'demo-cases': { type: 'string', default: '5000' },
    },
    allowPositionals: false,
  });
  const url = process.env.CENTRAL_DATABASE_URL;
  const dataDir = resolve(values['data-dir']);
  const db = await openCentralDb({ url, dataDir });
  const leaseMinutes = Number(process.env.CENTRAL_LEASE_MINUTES ?? DEFAULT_CONFIG.leaseMs / 60_000);
  const crash = process.env.CENTRAL_TEST_CRASH_AFTER_COMMITS;
  const server = await startCentralServer({
    db,
    host: values.host,
    port: Number(values.port),
    tokenSecret: process.env.CENTRAL_TOKEN_SECRET,
    config: { leaseMs: leaseMinutes * 60_000, ...(crash ? { crashAfterCommits: Number(crash) } : {}) },
  });
  if (values.demo && (await seedCentralDemo(db, { cases: Number(values['demo-cases']), now: Date.now() }))) {
    // The demo cases seeded waiting in `screening` are screened by the server, like any other.
    const screened = await server.screening.screenPending();
    console.log(`[central] 已创建演示数据 / demo data created (${values['demo-cases']} applications, ${screened} screened)`);
  }
  console.log(`中央服务器已启动 / Central server listening: ${server.url} (${url ? 'PostgreSQL' : `PGlite ${dataDir}`})`);
  const stop = async () => {
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(`[central] 启动失败 / failed to start: ${loggableError(e)}`);
  process.exit(1);
});
