import type { FastifyInstance } from 'fastify';
import type { Db } from './db/connection.js';
import { buildApp, LOG_REDACT } from './app.js';
import { requestForLog } from './http/logged-url.js';
import { resolveTokenSecret } from './auth/secret.js';
import { sweepPictures } from './catalogue/picture-retirement.js';
import { tokenSigner } from './auth/tokens.js';
import type { AppContext, RateLimit } from './context.js';
import { openDatabase } from './db/connection.js';
import { migrateUnderLock } from './db/migrate.js';
import { seedDemo } from './demo/seed.js';
import { afterUpgrade, type UpgradeGym } from './gyms/upgrade-gym.js';

export interface StartOptions {
  /** postgres://… → pg; absent → embedded PGlite */
  databaseUrl?: string;
  /** PGlite directory; 'memory://' for an in-memory database (tests) */
  dataDir?: string;
  /** seed demo accounts + demo gyms (default: true on PGlite, false on pg unless SENDLOG_DEMO=1) */
  demo?: boolean;
  /** with `demo`: also the second, smaller demo gym (default true; the test kit's v2 servers: false) */
  demoSecondGym?: boolean;
  /** SENDLOG_GYM_NAME / SENDLOG_GYM_TIMEZONE: the gym a database from before gyms becomes */
  upgradeGym?: UpgradeGym;
  /** 0 = pick a free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** folder of the web app's static export, served at / (SPA fallback to index.html) */
  webRoot?: string;
  /** pino options; false in tests */
  logger?: boolean | object;
  /** else SENDLOG_TOKEN_SECRET, else a secret stored in the database (shared by processes) */
  tokenSecret?: string;
  /** login attempts allowed per client address and email in each window (default 20 a minute) */
  loginRateLimit?: RateLimit;
  /**
   * accounts created per client address in each window (default 30 in 10 minutes: a gym's
   * Wi-Fi full of new members passes, a script burning scrypt time does not)
   */
  registerRateLimit?: RateLimit;
  /**
   * failed logins per client address in each window, across emails (default 60 in 10 minutes:
   * a gym's members mistyping pass, a password spray does not)
   */
  loginFailureLimit?: RateLimit;
  /** SENDLOG_METRICS_TOKEN: `GET /metrics` answers only to `Authorization: Bearer <it>` */
  metricsToken?: string;
  /**
   * SENDLOG_TRUST_PROXY: the proxies whose X-Forwarded-For names the client (hops, or their
   * addresses), so rate limits count climbers and not the proxy; default none
   */
  trustProxy?: number | string;
  /** the server's clock in ms (tests move it); default Date.now */
  now?: () => number;
}

/** 30 accounts per client address in 10 minutes (SENDLOG_REGISTER_LIMIT changes the 30). */
export const DEFAULT_REGISTER_RATE_LIMIT: RateLimit = { max: 30, timeWindowMs: 10 * 60_000 };

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  /**
   * The server's database, for an operator's command run in the same process (the browser
   * stories make a server admin with it, as `npm run admin -- grant` does on a stopped server).
   */
  db: Db;
  close(): Promise<void>;
}

export async function startServer(o: StartOptions = {}): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: o.databaseUrl, dataDir: o.dataDir });
  try {
    const demo = o.demo ?? (database.kind === 'pglite' || process.env.SENDLOG_DEMO === '1');
    await migrateUnderLock(
      database,
      afterUpgrade(o.upgradeGym, async (db) => {
        if (demo) await seedDemo(db, { secondGym: o.demoSecondGym ?? true });
      }),
    );
    const signer = tokenSigner(await resolveTokenSecret(database.db, o.tokenSecret));
    const ctx: AppContext = {
      db: database.db,
      databaseKind: database.kind,
      signer,
      now: o.now ?? Date.now,
      loginRateLimit: o.loginRateLimit ?? { max: 20, timeWindowMs: 60_000 },
      registerRateLimit: o.registerRateLimit ?? DEFAULT_REGISTER_RATE_LIMIT,
      ...(o.loginFailureLimit ? { loginFailureLimit: o.loginFailureLimit } : {}),
    };
    const logger =
      o.logger === undefined || o.logger === false
        ? false
        : {
            redact: LOG_REDACT,
            // A token sent in a URL is refused, and never written down either.
            serializers: { req: requestForLog },
            ...(o.logger === true ? {} : o.logger),
          };
    const app = await buildApp(ctx, {
      logger,
      webRoot: o.webRoot,
      trustProxy: o.trustProxy,
      metrics: { token: o.metricsToken, pool: database.poolStats },
    });
    // Pictures no layout has shown for a long while go (see catalogue/picture-retirement.ts).
    await sweepPictures(database.db).catch((error: unknown) =>
      app.log.warn({ err: error }, 'wall picture sweep failed'),
    );
    await app.listen({ port: o.port ?? 0, host: o.host ?? '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : o.port;
    const host = o.host && o.host !== '0.0.0.0' && o.host !== '::' ? o.host : '127.0.0.1';
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      app,
      db: database.db,
      close() {
        closing ??= (async () => {
          try {
            await app.close();
          } finally {
            await database.close();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
