import type {
  InsightsActivity,
  InsightsClimbedRow,
  InsightsResponse,
  InsightsSetRow,
} from '@sendlog/contract';
import { climbFigures, type ClimbTallyRow } from '@sendlog/rules';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { boundedRead } from '../db/bounded-read.js';
import { queryRows } from '../db/sql.js';
import { NO_JIT } from '../logbook/stats-repository.js';
import { insightsStatement, type InsightsRequest, type InsightsRow } from './insights-statement.js';

/**
 * The statement hashes every try of the period by climb and climber; with PostgreSQL's default
 * 4 MB those hashes spill to disk on a busy gym (a year of 1,000,000 routes: 33 batches and 20 s).
 * More memory for this one transaction; one insights read runs at a time per account.
 */
export const INSIGHTS_WORK_MEM = sql`set local work_mem = '128MB'`;

/**
 * A gym's insights: the statement reads the sessions; the few hundred listed climbs' tallies it
 * answers become the climbs table, verdicts and setters' figures by the definitions the rules
 * module shares with its own computation (`climbFigures`), so a mean rounds one way everywhere.
 * PostgreSQL cancels the statement after `timeoutMs` (see `boundedRead`).
 */
export async function loadInsights(
  db: Db,
  q: InsightsRequest,
  timeoutMs: number,
): Promise<InsightsResponse> {
  const [row] = await boundedRead(db, timeoutMs, async (tx) => {
    await tx.execute(NO_JIT);
    await tx.execute(INSIGHTS_WORK_MEM);
    return queryRows<InsightsRow>(tx, insightsStatement(q));
  });
  if (!row) throw new Error('the insights query answered no row');
  return insightsFromRow(q, row);
}

/** The answer from the statement's one row (also the bench's, which runs the statement itself). */
export function insightsFromRow(q: InsightsRequest, row: InsightsRow): InsightsResponse {
  const { climbs, verdicts, setters } = climbFigures(
    (JSON.parse(row.climbs) as ClimbTallyRow[]).map(numeric),
  );
  return {
    gymId: q.gymId,
    from: q.from,
    to: q.to,
    timeZone: q.timeZone,
    set: JSON.parse(row.set) as InsightsSetRow[],
    climbed: JSON.parse(row.climbed) as InsightsClimbedRow[],
    climbs,
    verdicts,
    activity: {
      weeks: JSON.parse(row.weeks) as InsightsActivity['weeks'],
      byWeekday: JSON.parse(row.by_weekday) as InsightsActivity['byWeekday'],
      byHour: JSON.parse(row.by_hour) as InsightsActivity['byHour'],
      byWeekdayHour: JSON.parse(row.by_weekday_hour) as InsightsActivity['byWeekdayHour'],
    },
    setters,
  };
}

/** Sums arrive as JSON numbers on both drivers; `Number` keeps a bigint's text form honest too. */
function numeric(r: ClimbTallyRow): ClimbTallyRow {
  return {
    ...r,
    climbers: Number(r.climbers),
    tries: Number(r.tries),
    attempts: Number(r.attempts),
    sends: Number(r.sends),
    flashes: Number(r.flashes),
    ratingSum: Number(r.ratingSum),
    ratingCount: Number(r.ratingCount),
    opinions: Number(r.opinions),
    median: r.median === null ? null : Number(r.median),
  };
}

export { insightsStatement, type InsightsRequest, type InsightsRow } from './insights-statement.js';
