import { startServer, type RunningServer, type StartOptions } from '../index.js';
import type { Backend } from './databases.js';

/**
 * Ceiling for starting a server in a hook or test: PGlite compiles its WebAssembly on first open,
 * which takes seconds on a busy 2-core machine. Not a timing assertion.
 */
export const SERVER_START_TIMEOUT = 180_000;

/** For test servers where every test registers its own account from 127.0.0.1. */
const MANY_REGISTRATIONS = { max: 1_000_000, timeWindowMs: 60_000 };

export interface TestServer extends RunningServer {
  backend: Backend['name'];
  /** How to reach the same database again (a second API process, a restart). */
  databaseOptions: StartOptions;
}

/**
 * Starts a server with the demo gym on a fresh database of `backend`; close() also drops it. One
 * gym (the demo's second is left out unless `o` asks), as the servers the suites were written for.
 */
export async function startTestServer(backend: Backend, o: StartOptions = {}): Promise<TestServer> {
  const database = await backend.createDatabase();
  const server = await startServer({
    demo: true,
    demoSecondGym: false,
    logger: false,
    port: 0,
    // Suites register an account per test from one address; auth.test.ts sets its own limit.
    registerRateLimit: MANY_REGISTRATIONS,
    ...database.options,
    ...o,
  });
  return {
    ...server,
    backend: backend.name,
    databaseOptions: database.options,
    close: async () => {
      await server.close();
      await database.drop();
    },
  };
}
