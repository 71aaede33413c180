import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm/logger';

/**
 * Counts the SQL statements Drizzle sends inside `countStatements(fn)`, so the ingest path can
 * log (and tests can assert) how many round trips one request costs. BEGIN/COMMIT of a
 * transaction are not part of the count.
 */
const current = new AsyncLocalStorage<{ count: number }>();
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback)\b/i;

export const countingLogger: Logger = {
  logQuery(query) {
    const counter = current.getStore();
    // node-postgres sends BEGIN/COMMIT through Drizzle, PGlite does not: leave them out on both.
    if (counter && !TRANSACTION_CONTROL.test(query)) counter.count += 1;
  },
};

export async function countStatements<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; statements: number }> {
  const counter = { count: 0 };
  const result = await current.run(counter, fn);
  return { result, statements: counter.count };
}
