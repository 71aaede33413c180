import { sql } from 'drizzle-orm';
import type { Db } from './connection.js';

/**
 * Runs `read` in a transaction whose statements PostgreSQL cancels once they run longer than
 * `timeoutMs` (they then fail with SQLSTATE 57014, see `isStatementTimeout`). PGlite accepts the
 * setting but cannot interrupt a statement: there a heavy read runs to its end, and the whole
 * process waits for it (docs/operations.md says when to move to PostgreSQL).
 */
export function boundedRead<T>(
  db: Db,
  timeoutMs: number,
  read: (tx: Db) => Promise<T>,
): Promise<T> {
  // SET takes no parameters; the number is ours, never a client's.
  const limit = sql.raw(`set local statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
  return db.transaction(async (tx) => {
    await tx.execute(limit);
    return read(tx);
  });
}

/** A statement cancelled by `statement_timeout` (the driver's error, or drizzle's around it). */
export function isStatementTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; depth += 1) {
    if ((e as Error & { code?: unknown }).code === '57014') return true;
    e = e.cause;
  }
  return false;
}
