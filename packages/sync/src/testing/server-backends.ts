import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { StartOptions } from '@sendlog/server';

/**
 * The databases the real-server tests run on: embedded PGlite always, PostgreSQL when
 * TEST_DATABASE_URL names a server where a fresh database may be created (required when CI=true).
 */
export interface ServerBackend {
  name: 'pglite' | 'postgres';
  /** Options for `startServer` on a fresh database, and how to drop it afterwards. */
  open(): Promise<{ options: StartOptions; drop(): Promise<void> }>;
}

const url = process.env.TEST_DATABASE_URL;

const pglite: ServerBackend = {
  name: 'pglite',
  open: async () => ({ options: { dataDir: 'memory://' }, drop: async () => undefined }),
};

const postgres: ServerBackend = {
  name: 'postgres',
  async open() {
    const name = `sendlog_sync_${randomBytes(6).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    const target = new URL(url ?? '');
    target.pathname = `/${name}`;
    return {
      options: { databaseUrl: target.toString() },
      drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    };
  },
};

async function admin(fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

export function serverBackends(): ServerBackend[] {
  if (url) return [pglite, postgres];
  if (process.env.CI === 'true') {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL runs must happen');
  }
  console.log(
    '[sync integration] TEST_DATABASE_URL is not set: PostgreSQL runs skipped (PGlite only)',
  );
  return [pglite];
}
