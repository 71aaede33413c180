import { INGEST_SHAPE, type IngestSummary } from '../ingest.js';
import { fmt, type Row } from '../lib/report.js';
import type { StatementCounts } from '../lib/server-log.js';
import { median } from '../lib/stats.js';
import { pct, perS, times } from './format.js';

/**
 * Part 2's goal: no API can beat 100 singles ÷ the database's own limit for the same rows (the
 * ceiling, measured in the same run), so its goal is a share of that ceiling.
 */
const PART2_OF_CEILING = 0.5;
/** Issue 23's goals for parts 1 and 3. */
const PART1_OF_LIMIT = 0.6;
const PART3_OF_FIRST = 0.25;

/** Parts 1–3 on one database: the bulk against the limit, singles against the bulk, the replay. */
export function ingestRows(db: string, s: IngestSummary, statements: StatementCounts): Row[] {
  const sql = (counts: number[]) => (counts.length ? `, ${median(counts)} SQL statements` : '');
  const shape = `${INGEST_SHAPE.sessions}×${INGEST_SHAPE.routes}`;
  return [
    {
      part: `1 ingest (${db})`,
      metric: `API: one bulk of ${shape}${sql(statements.firstBulk)}`,
      value: `${perS(s.apiSessionsPerS)} (${fmt(s.bulkMs)} ms)`,
      goal: '',
      met: null,
    },
    {
      part: `1 ingest (${db})`,
      metric:
        'limit: same rows, unnest arrays, 1 transaction, into the same tables (their keys, unique keys, foreign keys and indexes), no community view',
      value: `${perS(s.limitSessionsPerS)} (${fmt(s.limitMs)} ms)`,
      goal: '',
      met: null,
    },
    {
      part: `1 ingest (${db})`,
      metric: 'API rate ÷ limit rate',
      value: pct(s.apiVsLimit),
      goal: `≥ ${PART1_OF_LIMIT * 100} %`,
      met: s.apiVsLimit >= PART1_OF_LIMIT,
    },
    {
      part: `2 bulk vs single (${db})`,
      metric: `100 × POST /sessions/offline (${fmt(s.singlesMs, 0)} ms${sql(statements.single)} each) ÷ 1 bulk; per request ${fmt(s.perRequestMs)} ms + rows ${fmt(s.rowWorkMs, 0)} ms`,
      value: `${times(s.bulkVsSingles)} (${fmt(s.bulkVsCeiling, 2)} of the ceiling)`,
      goal: `≥ ${PART2_OF_CEILING} × ceiling = ${times(PART2_OF_CEILING * s.singlesVsLimit)}`,
      met: s.bulkVsCeiling >= PART2_OF_CEILING,
    },
    {
      part: `2 bulk vs single (${db})`,
      metric: `ceiling: 100 single calls ÷ the limit alone (${fmt(s.limitMs)} ms), i.e. a bulk costing nothing above its rows`,
      value: times(s.singlesVsLimit),
      goal: 'measured',
      met: null,
    },
    {
      part: `3 replay (${db})`,
      metric: `re-sending the synced bulk (${fmt(s.replayMs)} ms${sql(statements.replayBulk)}) ÷ first sync`,
      value: pct(s.replayVsFirst),
      goal: `≤ ${PART3_OF_FIRST * 100} %`,
      met: s.replayVsFirst <= PART3_OF_FIRST,
    },
  ];
}
