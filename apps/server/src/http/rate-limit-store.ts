import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A `@fastify/rate-limit` store kept in the database, so the login limit holds across every API
 * process sharing it (the server keeps no state in memory between requests). One upsert per hit.
 */
export function databaseRateLimitStore(db: Db) {
  return class DatabaseRateLimitStore {
    incr(key: string, callback: IncrCallback, timeWindowMs: number): void {
      queryRows<{ hits: number; ttl: number }>(
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
      ).then(
        ([row]) => {
          // A new window began: clear a few long-expired counters so the table stays small.
          if (row?.hits === 1) purgeExpired(db);
          callback(null, { current: row?.hits ?? 1, ttl: row?.ttl ?? timeWindowMs });
        },
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
