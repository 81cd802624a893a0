import type { FastifyInstance } from 'fastify';
import { loggableError } from '../shared/domain/masking';
import { CentralAuth } from './auth/central-auth';
import { BlobStore } from './blobs/blob-store';
import { ClaimService } from './commands/claim-service';
import { PushService } from './commands/push-service';
import { DEFAULT_CONFIG, type ServerConfig } from './config';
import type { CentralDb } from './db/central-db';
import { loadSettings, migrateCentral } from './db/migrate';
import { prepareAllSql } from './db/statements';
import { FeedService } from './feed/feed-service';
import { buildCentralApp } from './http/central-app';
import type { CentralServices } from './http/sync-routes';
import { LeaseService } from './leases/lease-service';
import { ServerNegativeList } from './screening/negative-list-service';
import { ensureDefaultRuleSet, ServerRuleSets } from './screening/rule-sets';
import { ServerScreening } from './screening/screening-service';

export interface CentralServerOptions {
  db: CentralDb;
  config?: Partial<ServerConfig>;
  /** Interface to listen on (default 127.0.0.1; a deployment behind a load balancer sets 0.0.0.0). */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** HMAC key for tokens; by default a random key kept in the database and shared by all instances. */
  tokenSecret?: string;
}

export interface CentralServer extends CentralServices {
  url: string;
  app: FastifyInstance;
  config: ServerConfig;
  /** Settles once the cases found waiting in `screening` at start have been screened. */
  startup: Promise<void>;
  /** Stops listening and the lease sweep; the database stays open (its owner closes it). */
  close(): Promise<void>;
}

/** One stateless instance: migrates (under an advisory lock), reads the shared settings, serves `/v1/…`. */
export async function startCentralServer(opts: CentralServerOptions): Promise<CentralServer> {
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...opts.config };
  const { db } = opts;
  await migrateCentral(db);
  // Generic plans at once: every hot statement is a small indexed lookup whose plan does not depend on values.
  await db.setSessionSetup(`${prepareAllSql()};\nSET plan_cache_mode = force_generic_plan`);
  const settings = await loadSettings(db, opts.tokenSecret);
  await ensureDefaultRuleSet(db);
  const auth = new CentralAuth(db, config, settings.tokenSecret);
  const screening = new ServerScreening({ db, config, rules: new ServerRuleSets() });
  const services: CentralServices = {
    db,
    serverId: settings.serverId,
    auth,
    // A push that leaves cases in `screening` has them screened right after it committed.
    push: new PushService({ db, config, onScreening: (ids) => screening.enqueue(ids) }),
    claims: new ClaimService({ db, config, auth }),
    feed: new FeedService(db),
    leases: new LeaseService({ db, config }),
    blobs: new BlobStore(db, config.now),
    screening,
    negativeList: new ServerNegativeList({ db, now: config.now }),
  };
  const app = buildCentralApp(services, config);
  const address = await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
  const url = new URL(address);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';

  const failed = (what: string) => (e: unknown) => console.error(`[central] ${what} failed: ${loggableError(e)}`);
  // Cases left waiting in `screening` (a restart between a push and its screening, an older database).
  const startup = screening.screenPending().then(() => undefined, failed('screening at start'));
  let sweeping: Promise<unknown> = startup;
  const timer =
    config.leaseSweepMs > 0
      ? setInterval(() => {
          sweeping = Promise.all([
            services.leases.sweep().catch(failed('lease sweep')),
            sweeping.then(() => screening.screenPending()).catch(failed('screening sweep')),
          ]);
        }, config.leaseSweepMs)
      : null;
  timer?.unref();
  // PGlite has no autovacuum (there is no background process): vacuum and analyze now and then ourselves.
  const upkeep =
    db.kind === 'pglite'
      ? setInterval(() => {
          sweeping = sweeping.then(() => db.query('VACUUM ANALYZE')).catch(() => undefined);
        }, 10 * 60_000)
      : null;
  upkeep?.unref();

  return {
    ...services,
    url: url.origin,
    startup,
    app,
    config,
    async close() {
      if (timer) clearInterval(timer);
      if (upkeep) clearInterval(upkeep);
      await sweeping;
      await app.close();
      await screening.close();
    },
  };
}
