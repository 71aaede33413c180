import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm/logger';

/**
 * Counts the SQL statements Drizzle sends inside `countStatements(fn)`, so the ingest path can
 * log (and tests can assert) how many round trips one request costs. BEGIN/COMMIT of a
 * transaction are issued by the driver and are not part of the count.
 */
const current = new AsyncLocalStorage<{ count: number }>();

export const countingLogger: Logger = {
  logQuery() {
    const counter = current.getStore();
    if (counter) counter.count += 1;
  },
};

export async function countStatements<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; statements: number }> {
  const counter = { count: 0 };
  const result = await current.run(counter, fn);
  return { result, statements: counter.count };
}
