import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The two databases every reliability part runs on: embedded PGlite (a data directory on disk,
 * as `npm start` uses it) and real PostgreSQL from TEST_DATABASE_URL, where each test file gets
 * a fresh database of its own and drops it at the end.
 */
export type BackendName = 'pglite' | 'postgres';

export interface TestDatabase {
  backend: BackendName;
  /** What a server process needs to reach this database. */
  env: Record<string, string>;
  /** The same, for `startServer` in this process. */
  options: { databaseUrl?: string; dataDir?: string };
  /**
   * Rows per table (every table of the public schema). On PGlite the data directory is opened
   * directly, so the server using it must be stopped first (PGlite is a single process).
   */
  countRows(): Promise<Record<string, number>>;
  /** Runs one query (PostgreSQL: whenever; PGlite: only while no server has the directory). */
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

if (!TEST_DATABASE_URL) {
  if (process.env.CI === 'true') {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL parts must run');
  }
  console.log('[reliability] TEST_DATABASE_URL is not set: PostgreSQL runs are skipped');
}

export const HAS_POSTGRES = Boolean(TEST_DATABASE_URL);
export const BACKENDS: BackendName[] = HAS_POSTGRES ? ['pglite', 'postgres'] : ['pglite'];

/** A scratch folder for this run's files, removed by the caller. */
export function scratchDir(label: string): string {
  const root = '/tmp/reliability';
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, `${label}-`));
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

export async function createPostgresDatabase(label: string): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `reliability_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
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

export function createPgliteDatabase(label: string): TestDatabase {
  const dataDir = scratchDir(label);
  const query = async <T>(text: string, params: unknown[] = []) => {
    const db = await PGlite.create(dataDir);
    try {
      return (await db.query<T>(text, params)).rows;
    } finally {
      await db.close();
    }
  };
  return {
    backend: 'pglite',
    env: { SENDLOG_DATA_DIR: dataDir },
    options: { dataDir },
    query,
    async countRows() {
      const db = await PGlite.create(dataDir);
      try {
        return await countWith(async <T>(text: string) => (await db.query<T>(text)).rows);
      } finally {
        await db.close();
      }
    },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export function createDatabase(backend: BackendName, label: string): Promise<TestDatabase> {
  return backend === 'postgres'
    ? createPostgresDatabase(label)
    : Promise.resolve(createPgliteDatabase(label));
}

/** Table counts that must not change, leaving out bookkeeping the server may write on any hit. */
export function userData(counts: Record<string, number>): Record<string, number> {
  const { rate_limits: _rateLimits, ...rest } = counts;
  return rest;
}
