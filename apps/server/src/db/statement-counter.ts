import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm/logger';

/**
 * Counts the SQL statements Drizzle sends inside `countStatements(fn)`, so the ingest path can
 * log (and tests can assert) how many round trips one request costs. BEGIN/COMMIT of a
 * transaction are not part of the count. `captureStatements(fn)` keeps their text too, for tests
 * that check what every statement says (see sessions/statements-name-the-user.test.ts).
 */
interface Counter {
  count: number;
  texts: string[] | null;
  outer: Counter | undefined;
}
const current = new AsyncLocalStorage<Counter>();
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback)\b/i;

export const countingLogger: Logger = {
  logQuery(query) {
    // node-postgres sends BEGIN/COMMIT through Drizzle, PGlite does not: leave them out on both.
    if (TRANSACTION_CONTROL.test(query)) return;
    // A count inside a capture (or another count) is seen by both.
    for (let c = current.getStore(); c; c = c.outer) {
      c.count += 1;
      c.texts?.push(query);
    }
  },
};

export async function countStatements<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; statements: number }> {
  const counter: Counter = { count: 0, texts: null, outer: current.getStore() };
  const result = await current.run(counter, fn);
  return { result, statements: counter.count };
}

/** The text of every statement `fn` (and whatever it starts) sends, in order. */
export async function captureStatements(fn: () => Promise<void>): Promise<string[]> {
  const counter: Counter = { count: 0, texts: [], outer: current.getStore() };
  await current.run(counter, fn);
  return counter.texts ?? [];
}
