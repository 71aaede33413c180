import { DEFAULT_REGISTER_RATE_LIMIT, startServer, type StartOptions } from './index.js';

/** SENDLOG_REGISTER_LIMIT: accounts per client address in 10 minutes (a typo stops the start). */
function registerLimitFromEnv(raw: string | undefined): Pick<StartOptions, 'registerRateLimit'> {
  if (!raw) return {};
  const max = Number(raw);
  if (!Number.isInteger(max) || max < 1) {
    throw new Error(`SENDLOG_REGISTER_LIMIT must be a whole number ≥ 1, got "${raw}"`);
  }
  return { registerRateLimit: { ...DEFAULT_REGISTER_RATE_LIMIT, max } };
}

/** `npm run server`: configuration from the environment, graceful stop on SIGTERM/SIGINT. */
const server = await startServer({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.SENDLOG_DATA_DIR || './.sendlog-data',
  ...(process.env.SENDLOG_DEMO ? { demo: process.env.SENDLOG_DEMO === '1' } : {}),
  port: process.env.PORT ? Number(process.env.PORT) : 8080,
  host: process.env.HOST || '127.0.0.1',
  webRoot: process.env.SENDLOG_WEB_ROOT || undefined,
  logger: { level: process.env.LOG_LEVEL || 'info' },
  ...registerLimitFromEnv(process.env.SENDLOG_REGISTER_LIMIT),
});
server.app.log.info({ url: server.url }, 'sendlog server ready');
// The JSON log is for machines; a person who just ran `npm start` needs the address in plain words.
const what = process.env.SENDLOG_WEB_ROOT ? 'Sendlog (web app and API)' : 'Sendlog API';
process.stderr.write(`\n  ${what} is running at ${server.url}\n\n`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'draining in-flight requests, then stopping');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
