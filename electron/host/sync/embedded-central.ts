import { startCentralServer } from '../../../server/central-server';
import { openCentralDb } from '../../../server/db/open';
import { seedCentralDemo } from '../../../server/demo/central-demo';

export interface EmbeddedCentral {
  url: string;
  serverId: string;
  close(): Promise<void>;
}

/**
 * The central server inside the desktop process, for one machine with no setup (`npm start`): PGlite in
 * `dataDir` (or PostgreSQL when CENTRAL_DATABASE_URL is set), on a free loopback port, with the demo users
 * and applications on first start. Other desktops on this machine may connect to its URL too.
 */
export async function startEmbeddedCentral(opts: { dataDir: string; demoCases: number | null }): Promise<EmbeddedCentral> {
  const db = await openCentralDb({ url: process.env.CENTRAL_DATABASE_URL, dataDir: opts.dataDir });
  const server = await startCentralServer({ db, port: 0 });
  // Demo cases seeded waiting in `screening` are screened by the server like any other.
  if (opts.demoCases !== null && (await seedCentralDemo(db, { cases: opts.demoCases, now: Date.now() }))) await server.screening.screenPending();
  return {
    url: server.url,
    serverId: server.serverId,
    async close() {
      await server.close();
      await db.close();
    },
  };
}
