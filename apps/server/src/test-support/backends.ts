import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startServer, type RunningServer, type StartOptions } from '../index.js';

/**
 * The two databases every database test runs on. PostgreSQL comes from TEST_DATABASE_URL: each
 * server started here gets a fresh database on that server (so test files run in parallel) and
 * drops it on close. Without the variable the PostgreSQL runs are skipped (and say so) unless
 * CI=true, where that is an error.
 */
export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database for this backend (PostgreSQL: created now, dropped by `drop`). */
  createDatabase(): Promise<{ options: StartOptions; drop(): Promise<void> }>;
}

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
if (!TEST_DATABASE_URL) {
  if (process.env.CI === 'true') {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suites must run');
  }
  console.log(
    '[server tests] TEST_DATABASE_URL is not set: PostgreSQL runs are skipped (PGlite only)',
  );
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const pglite: Backend = {
  name: 'pglite',
  createDatabase: async () => ({ options: { dataDir: 'memory://' }, drop: async () => undefined }),
};

const postgres: Backend = {
  name: 'postgres',
  async createDatabase() {
    const name = `sendlog_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin((c) => c.query(`create database ${name}`));
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    return {
      options: { databaseUrl: url.toString() },
      drop: () =>
        admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
    };
  },
};

/**
 * Ceiling for starting a server in a hook or test: PGlite compiles its WebAssembly on first open,
 * which takes seconds on a busy 2-core machine. Not a timing assertion.
 */
export const SERVER_START_TIMEOUT = 180_000;

/** For test servers where every test registers its own account from 127.0.0.1. */
export const MANY_REGISTRATIONS = { max: 1_000_000, timeWindowMs: 60_000 };

export const BACKENDS: Backend[] = TEST_DATABASE_URL ? [pglite, postgres] : [pglite];

export interface TestServer extends RunningServer {
  backend: Backend['name'];
  /** How to reach the same database again (a second API process, a restart). */
  databaseOptions: StartOptions;
}

/** Starts a server with the demo gym on a fresh database of `backend`; close() also drops it. */
export async function startTestServer(backend: Backend, o: StartOptions = {}): Promise<TestServer> {
  const database = await backend.createDatabase();
  const server = await startServer({
    demo: true,
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
