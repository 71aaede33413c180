import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** A counter after a hit: the hits of its window so far, and the window's time left. */
export interface Hits {
  hits: number;
  ttlMs: number;
}

/**
 * Counts one hit of `key` in its fixed window of `timeWindowMs`, in the database, so a limit
 * holds across every API process sharing it (the server keeps no state in memory between
 * requests). One upsert per hit.
 */
export async function countHit(db: Db, key: string, timeWindowMs: number): Promise<Hits> {
  const [row] = await queryRows<{ hits: number; ttl: number }>(
    db,
    sql`
      insert into rate_limits as r (key, window_start, hits) values (${key}, now(), 1)
      on conflict (key) do update set
        hits = case when r.window_start + ${timeWindowMs} * interval '1 millisecond' <= now()
                    then 1 else r.hits + 1 end,
        window_start = case when r.window_start + ${timeWindowMs} * interval '1 millisecond' <= now()
                    then now() else r.window_start end
      returning hits,
        greatest(0, floor(extract(epoch from (window_start + ${timeWindowMs} * interval '1 millisecond' - now())) * 1000))::float8 as ttl`,
  );
  // A new window began: clear a few long-expired counters so the table stays small.
  if (row?.hits === 1) purgeExpired(db);
  return { hits: row?.hits ?? 1, ttlMs: row?.ttl ?? timeWindowMs };
}

/** Takes back one hit of `key` counted in advance (a login that turned out right). */
export async function takeBackHit(db: Db, key: string): Promise<void> {
  await db.execute(sql`update rate_limits set hits = hits - 1 where key = ${key} and hits > 0`);
}

/** A `@fastify/rate-limit` store over `countHit`. */
export function databaseRateLimitStore(db: Db) {
  return class DatabaseRateLimitStore {
    incr(key: string, callback: IncrCallback, timeWindowMs: number): void {
      countHit(db, key, timeWindowMs).then(
        ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(): DatabaseRateLimitStore {
      return new DatabaseRateLimitStore();
    }
  };
}

function purgeExpired(db: Db): void {
  db.execute(
    sql`delete from rate_limits where ctid in (
          select ctid from rate_limits where window_start < now() - interval '1 day' limit 100)`,
  ).then(
    () => undefined,
    () => undefined, // best effort: a failed purge only leaves stale rows for the next one
  );
}
