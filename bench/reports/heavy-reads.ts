import { HEAVY_SHAPE, type HeavyReadFigures, type Latency } from '../heavy-reads.js';
import { fmt, type Row } from '../lib/report.js';
import { times } from './format.js';

const ms = (value: number) => `${fmt(value, 0)} ms`;
const latency = (l: Latency) => `median ${fmt(l.median, 1)} ms, max ${ms(l.max)}`;

/** Part 12 on one database: the stats statement before and after, and what another climber waits. */
export function heavyReadRows(db: string, f: HeavyReadFigures): Row[] {
  const part = `12 heavy reads (${db})`;
  const shape = `${HEAVY_SHAPE.sessions.toLocaleString('en-US')} sessions × ${HEAVY_SHAPE.routes} tries, ${HEAVY_SHAPE.years}-year GET /stats`;
  const ratio = f.oldSqlMs / f.newSqlMs;
  return [
    {
      part,
      metric: `${shape}: the statement before issue 24 (baseline), as SQL`,
      value: ms(f.oldSqlMs),
      goal: '',
      met: null,
    },
    {
      part,
      metric: `${shape}: the server's statement as SQL (old ÷ new ${times(ratio)}); over HTTP`,
      value: `${ms(f.newSqlMs)}; ${ms(f.httpMs)}`,
      goal: '< 1,000 ms',
      met: f.httpMs < 1_000,
    },
    {
      part,
      metric: `another climber's GET /sessions?limit=5: idle | while the stats run (${f.otherDuringStats.samples} samples)`,
      value: `${latency(f.otherIdle)} | ${latency(f.otherDuringStats)}`,
      goal: 'shown',
      met: null,
    },
    // PGlite's process reads the next request only once a statement has ended, so the four
    // never overlap there: they run one after another (see bench/README.md).
    {
      part,
      metric: `${HEAVY_SHAPE.concurrentStats} × GET /stats of that climber at once (${fmt(f.concurrent.ms, 0)} ms): answered, refused 429; the other climber meanwhile`,
      value: `${f.concurrent.ok}, ${f.concurrent.refused}; ${latency(f.otherDuringConcurrent)}`,
      goal: db === 'postgres' ? '1 answered' : 'shown',
      met: db === 'postgres' ? f.concurrent.ok === 1 : null,
    },
    {
      part,
      metric: `the heavy climber's CSV export (${fmt(f.exportMs, 0)} ms): the other climber meanwhile`,
      value: latency(f.otherDuringExport),
      goal: 'shown',
      met: null,
    },
  ];
}
