import { INSIGHTS_SHAPE, type InsightsFigures } from '../insights.js';
import type { Row } from '../lib/report.js';

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** The indexes a plan names: what the statement leans on, said in the table. */
function indexesIn(plan: string): string[] {
  return [
    ...new Set([...plan.matchAll(/(?:using|Bitmap Index Scan on) (\w+)/gi)].map((m) => m[1]!)),
  ].sort();
}

/** Part 17's rows: a gym's insights as SQL against Node over the same rows. */
export function insightsRows(f: InsightsFigures): Row[] {
  const part = '17 insights (postgres)';
  const node = f.nodeReadMs + f.nodeComputeMs;
  const climbs = INSIGHTS_SHAPE.walls * INSIGHTS_SHAPE.climbsPerWall;
  return [
    {
      part,
      metric: `GET /gyms/:id/insights statement, a whole year: ${f.routes.toLocaleString('en')} routes at one gym of ${climbs} climbs`,
      value: ms(f.yearSqlMs),
      goal: '≤ 10 s (the statement timeout)',
      met: f.yearSqlMs <= 10_000,
    },
    {
      part,
      metric: 'the same, the default period (the last 8 weeks)',
      value: ms(f.weeks8SqlMs),
      goal: '',
      met: null,
    },
    {
      part,
      metric: `Node over the same rows, a whole year: read ${ms(f.nodeReadMs)} + compute ${ms(f.nodeComputeMs)} (answers equal) ÷ SQL`,
      value: `${(node / f.yearSqlMs).toFixed(1)}×`,
      goal: '≥ 1× (SQL no slower)',
      met: node >= f.yearSqlMs,
    },
    {
      part,
      metric: 'indexes in the plan of the whole year',
      value: indexesIn(f.plan).join(', ') || 'none',
      goal: '',
      met: null,
    },
  ];
}
