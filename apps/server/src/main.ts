import { parseEnvironment, startOptionsOf } from './config/environment.js';
import { startServer } from './index.js';

/** `npm run server`: configuration from the environment, graceful stop on SIGTERM/SIGINT. */
const parsed = parseEnvironment(process.env);
if (!parsed.ok) {
  // One line a person (or a supervisor's log) reads at once; no stack trace to scroll past.
  process.stderr.write(`${parsed.message}\n`);
  process.exit(2);
}
const environment = parsed.environment;
const server = await startServer(startOptionsOf(environment)).catch((error: unknown) => {
  // An unreachable database, a port in use: one line too, the cause in the operator's words.
  process.stderr.write(`sendlog: could not start: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
server.app.log.info({ url: server.url }, 'sendlog server ready');
// The JSON log is for machines; a person who just ran `npm start` needs the address in plain words.
const what = environment.SENDLOG_WEB_ROOT ? 'Sendlog (web app and API)' : 'Sendlog API';
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
