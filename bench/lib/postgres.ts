import pg from 'pg';

/** Where the bench creates its throwaway database (trust auth on this machine). */
const PG_SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${PG_SERVER_URL}/postgres` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one bench run; `undefined` when no PostgreSQL answers. */
export async function createScratchDatabase(): Promise<ScratchDatabase | undefined> {
  const name = `sendlog_bench_${process.pid}_${Date.now()}`;
  try {
    await admin((c) => c.query(`create database ${name}`));
  } catch (error) {
    console.log(
      `PostgreSQL at ${PG_SERVER_URL} is not reachable (${String(error)}): skipping its parts`,
    );
    return undefined;
  }
  return {
    url: `${PG_SERVER_URL}/${name}`,
    drop: () =>
      admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
