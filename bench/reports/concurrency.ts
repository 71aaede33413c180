import type { LoadFigures } from '../concurrency.js';
import { fmt, type Row } from '../lib/report.js';
import { perS, times } from './format.js';

/** Part 4: one API process, then two on the same PostgreSQL. */
export function loadRows(one: LoadFigures, two: LoadFigures): Row[] {
  const rows: Row[] = [one, two].map((f) => ({
    part: '4 concurrency (postgres)',
    metric: `${f.processes} API process${f.processes > 1 ? 'es' : ''}, ${f.connections} clients, ${fmt(f.durationS, 0)} s`,
    value: `${perS(f.sessionsPerS)}, p50 ${fmt(f.p50Ms, 0)} ms, p99 ${fmt(f.p99Ms, 0)} ms, ${f.errors} errors`,
    goal: '0 errors',
    met: f.errors === 0,
  }));
  rows.push({
    part: '4 concurrency (postgres)',
    metric: '2 processes ÷ 1 process (throughput)',
    value: times(two.sessionsPerS / one.sessionsPerS),
    goal: 'shown',
    met: null,
  });
  return rows;
}
