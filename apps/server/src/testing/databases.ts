import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { StartOptions } from '../index.js';

/**
 * The two databases every database test runs on: embedded PGlite always, and PostgreSQL when
 * TEST_DATABASE_URL names a server where databases may be created. Each test file makes fresh
 * databases of its own on that server (so files run in parallel) and drops them at the end.
 * Without the variable the PostgreSQL runs are skipped, and say so, unless CI=true: there the
 * PostgreSQL runs are the point, so their absence is an error.
 */
export type BackendName = 'pglite' | 'postgres';

/** A fresh, empty database for a server started in this process. */
export interface InProcessDatabase {
  backend: BackendName;
  /** What `startServer` needs to reach it (again: a second server, a restart). */
  options: Pick<StartOptions, 'databaseUrl' | 'dataDir'>;
  drop(): Promise<void>;
}

/** A fresh, empty database that server processes and the test itself can all open. */
export interface TestDatabase extends InProcessDatabase {
  /** What a server process (`spawnServer`) needs to reach it. */
  env: Record<string, string>;
  /** Runs one query (PostgreSQL: whenever; PGlite: only while no server has the directory). */
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Rows per table (every table of the public schema). On PGlite the data directory is opened
   * directly, so the server using it must be stopped first (PGlite is a single process).
   */
  countRows(): Promise<Record<string, number>>;
}

export interface Backend {
  name: BackendName;
  /** PGlite in memory: quick, but reachable only by the one server that opens it. */
  createDatabase(label?: string): Promise<InProcessDatabase>;
  /** PGlite in a data directory on disk, so other processes and row counts reach it too. */
  createSharedDatabase(label: string): Promise<TestDatabase>;
}

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
if (!TEST_DATABASE_URL) {
  if (process.env.CI === 'true') {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL runs must happen');
  }
  console.log('[tests] TEST_DATABASE_URL is not set: PostgreSQL runs are skipped (PGlite only)');
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const COUNT_TABLES = `
  select table_name from information_schema.tables
  where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;

async function countWith(run: <T>(text: string) => Promise<T[]>): Promise<Record<string, number>> {
  const tables = await run<{ table_name: string }>(COUNT_TABLES);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await run<{ n: number }>(`select count(*)::int as n from "${table_name}"`);
    counts[table_name] = row?.n ?? 0;
  }
  return counts;
}

/** The label goes into a database name unquoted, so it must be a plain identifier. */
function checkedLabel(label: string): string {
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(label)) {
    throw new Error(`test database label must match [a-z][a-z0-9_]*, got "${label}"`);
  }
  return label;
}

async function createPostgresDatabase(label: string): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `sendlog_${checkedLabel(label)}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  // Connects on the first query only: tests that never look inside cost no connection.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  const query = async <T>(text: string, params: unknown[] = []) =>
    (await pool.query(text, params)).rows as T[];
  return {
    backend: 'postgres',
    env: { DATABASE_URL: databaseUrl },
    options: { databaseUrl },
    query,
    countRows: () => countWith(query),
    async drop() {
      await pool.end();
      await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

function createPgliteDirectory(label: string): TestDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), `sendlog-${checkedLabel(label)}-`));
  // PGlite is one process's database: each look opens the directory and closes it again.
  const withPglite = async <T>(fn: (db: PGlite) => Promise<T>): Promise<T> => {
    const db = await PGlite.create(dataDir);
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };
  return {
    backend: 'pglite',
    env: { SENDLOG_DATA_DIR: dataDir },
    options: { dataDir },
    query: <T>(text: string, params: unknown[] = []) =>
      withPglite(async (db) => (await db.query<T>(text, params)).rows),
    countRows: () =>
      withPglite((db) => countWith(async <T>(text: string) => (await db.query<T>(text)).rows)),
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

const PGLITE: Backend = {
  name: 'pglite',
  createDatabase: async () => ({
    backend: 'pglite',
    options: { dataDir: 'memory://' },
    drop: async () => undefined,
  }),
  createSharedDatabase: async (label) => createPgliteDirectory(label),
};

/** Usable only when HAS_POSTGRES; otherwise creating a database throws. */
export const POSTGRES: Backend = {
  name: 'postgres',
  createDatabase: (label = 'test') => createPostgresDatabase(label),
  createSharedDatabase: (label) => createPostgresDatabase(label),
};

export const HAS_POSTGRES = Boolean(TEST_DATABASE_URL);
export const BACKENDS: Backend[] = HAS_POSTGRES ? [PGLITE, POSTGRES] : [PGLITE];

/** Table counts that must not change, leaving out bookkeeping the server may write on any hit. */
export function userData(counts: Record<string, number>): Record<string, number> {
  const { rate_limits: _rateLimits, ...rest } = counts;
  return rest;
}
