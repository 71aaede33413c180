import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.js';
import { countingLogger } from './statement-counter.js';

export type Schema = typeof schema;
/** The one database type the rest of the server sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Runs `fn` with one connection held for its whole duration (advisory locks are per session). */
  withConnection<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** Connections in use, for the metrics. */
  poolStats(): PoolStats;
  close(): Promise<void>;
}

/** A pg pool's figures; PGlite is one embedded connection and knows no idle or waiting count. */
export interface PoolStats {
  total: number;
  idle?: number;
  waiting?: number;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL through `pg`; absent selects embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` keeps everything in memory. */
  dataDir?: string | undefined;
}

/** The only place that decides between PGlite and PostgreSQL. */
export async function openDatabase(o: DatabaseOptions): Promise<Database> {
  return o.databaseUrl ? openPostgres(o.databaseUrl) : openPglite(o.dataDir ?? './.sendlog-data');
}

async function openPglite(dataDir: string): Promise<Database> {
  // relaxedDurability false (PGlite's default, stated on purpose): every query's writes reach the
  // data directory before its answer, so a committed sync survives the process being killed.
  const client = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir, {
    relaxedDurability: false,
  });
  const db = drizzlePglite({ client, schema, logger: countingLogger }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    // PGlite is a single connection already.
    withConnection: (fn) => fn(db),
    poolStats: () => ({ total: 1 }),
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema, logger: countingLogger }) as unknown as Db;
  // Fail at start, not on the first request, if the database is unreachable.
  await pool.query('select 1');
  return {
    kind: 'postgres',
    db,
    async withConnection(fn) {
      const conn = await pool.connect();
      try {
        return await fn(
          drizzlePg({ client: conn, schema, logger: countingLogger }) as unknown as Db,
        );
      } finally {
        conn.release();
      }
    },
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
    close: () => pool.end(),
  };
}
