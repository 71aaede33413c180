import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';
import { ApiError } from './errors.js';

/**
 * At most one heavy read (`GET /stats`, `GET /sessions/export`) in flight per user, across every
 * API process sharing the database: a second one while the first runs is answered `429
 * rate_limited` with `Retry-After`, so one account cannot queue work that stalls everyone.
 *
 * A lease row rather than a PostgreSQL advisory lock: an advisory lock belongs to a connection,
 * so an export streamed to a slow phone would hold a pooled connection for its whole download,
 * and PGlite's one connection takes the same lock again and again (a session's own advisory lock
 * is re-entrant), so nothing would be limited there. A row behaves alike on both engines and
 * holds no connection between statements. A lease a dead process never gave back expires.
 */
export interface ReadLease {
  /** Pushes the expiry out again (a long export renews at each page). */
  renew(): Promise<void>;
  /** Gives the lease back; safe to call twice, and it never frees another read's lease. */
  release(): Promise<void>;
}

/** Seconds a client refused by a lease is told to wait: reads take well under one. */
export const LEASE_RETRY_AFTER_S = 1;

export async function acquireReadLease(db: Db, userId: string, ttlMs: number): Promise<ReadLease> {
  const holder = randomUUID();
  const expires = sql`now() + ${ttlMs} * interval '1 millisecond'`;
  const [taken] = await queryRows<{ holder: string }>(
    db,
    sql`insert into read_leases as l (user_id, holder, expires_at)
        values (${userId}, ${holder}, ${expires})
        on conflict (user_id) do update set holder = excluded.holder, expires_at = excluded.expires_at
          where l.expires_at <= now()
        returning holder`,
  );
  if (taken?.holder !== holder) {
    throw new ApiError(
      429,
      'rate_limited',
      'another read of this account is still running; try again when it has finished',
      undefined,
      LEASE_RETRY_AFTER_S,
    );
  }
  let released = false;
  return {
    async renew() {
      if (released) return;
      await db.execute(
        sql`update read_leases set expires_at = ${expires}
            where user_id = ${userId} and holder = ${holder}`,
      );
    },
    async release() {
      if (released) return;
      released = true;
      // Best effort: a lease not given back (the database gone for a moment) expires on its own.
      await db
        .execute(sql`delete from read_leases where user_id = ${userId} and holder = ${holder}`)
        .catch(() => undefined);
    },
  };
}

/** Runs `read` under the user's lease, given back however `read` ends. */
export async function underReadLease<T>(
  db: Db,
  userId: string,
  ttlMs: number,
  read: () => Promise<T>,
): Promise<T> {
  const lease = await acquireReadLease(db, userId, ttlMs);
  try {
    return await read();
  } finally {
    await lease.release();
  }
}
