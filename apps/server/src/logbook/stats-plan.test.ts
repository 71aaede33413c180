import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/sql.js';
import { newUser } from '../testing/client.js';
import { climbId } from '../testing/fixtures.js';
import { startLogbookApp, type LogbookApp } from '../testing/logbook-app.js';
import { ingest, type SessionSpec } from '../testing/logbook-history.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../testing/index.js';
import { NO_JIT, statsStatement } from './stats-repository.js';

/**
 * The stats statement's work grows with the history, not with its square, whatever plan the
 * database picks without statistics (PGlite never gathers any). Counted, not timed: every row a
 * plan node produced or threw away, times the loops it ran, from `EXPLAIN (ANALYZE)`. A history
 * four times as long must cost at most about four times as much; a nested loop comparing each
 * session with every other (3–4 s at 5,000 sessions of 5 tries) made it seven times as much.
 */

interface PlanNode {
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Join Filter'?: number;
  Plans?: PlanNode[];
}

function rowsTouched(node: PlanNode): number {
  const perLoop =
    (node['Actual Rows'] ?? 0) +
    (node['Rows Removed by Filter'] ?? 0) +
    (node['Rows Removed by Join Filter'] ?? 0);
  const own = perLoop * (node['Actual Loops'] ?? 1);
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsTouched(child), 0);
}

const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;
const END = Date.parse('2026-06-01T00:00:00Z');

/** `count` sessions of 5 tries spread over five years, as a long-time climber's history. */
function history(count: number): SessionSpec[] {
  return Array.from({ length: count }, (_, s) => ({
    start: new Date(END - 5 * YEAR + (s * 5 * YEAR) / count).toISOString(),
    tries: Array.from({ length: 5 }, (_, r) => ({
      climbId: climbId(s * 5 + r),
      sent: (s + r) % 3 !== 0,
      own: r === 0 ? 'V3' : null,
    })),
  }));
}

describe.each(BACKENDS)('the stats statement on $name', (backend) => {
  let server: LogbookApp;
  beforeAll(async () => {
    server = await startLogbookApp(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  async function work(sessions: number): Promise<number> {
    const climber = await newUser(server.app);
    await ingest(climber.api, history(sessions));
    const statement = statsStatement({
      userId: climber.user.id,
      from: new Date(END - 5 * YEAR).toISOString(),
      to: new Date(END + HOUR).toISOString(),
      tz: 'Europe/Berlin',
      grades: 'own',
    });
    const [row] = await server.db.transaction(async (tx) => {
      await tx.execute(NO_JIT);
      return queryRows<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(
        tx,
        sql`explain (analyze, timing off, format json) ${statement}`,
      );
    });
    const plan = row!['QUERY PLAN'];
    return rowsTouched((typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan);
  }

  it(
    'touches at most about four times the rows for a history four times as long',
    { timeout: SERVER_START_TIMEOUT },
    async () => {
      const small = await work(250);
      const large = await work(1_000);
      expect(large / small).toBeLessThan(5);
    },
  );
});
