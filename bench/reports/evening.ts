import type { EveningFigures } from '../evening.js';
import { fmt, type Row } from '../lib/report.js';
import { perS } from './format.js';

/** Memory "flat": the last fifth of the run within this of the first (MiB). */
const FLAT_MIB = 50;

/** Part 16: the evening's mix against one API process on PostgreSQL. */
export function eveningRows(f: EveningFigures): Row[] {
  const part = '16 evening (postgres)';
  const kinds = Object.entries(f.byKind)
    .map(([k, v]) => `${k} ${v.count} (p99 ${fmt(v.p99Ms, 0)} ms)`)
    .join(', ');
  return [
    {
      part,
      metric: `${f.climbers} climbers on ${f.walls} walls for ${fmt(f.durationS, 0)} s, 1 API process: ${kinds}; ${f.notModified} layout reads answered 304`,
      value: `${fmt(f.requestsPerS, 0)} requests/s, ${perS(f.sessionsPerS)}, p50 ${fmt(f.p50Ms, 0)} ms, p99 ${fmt(f.p99Ms, 0)} ms, ${f.errors} errors`,
      goal: '0 errors',
      met: f.errors === 0,
    },
    {
      part,
      metric: 'API process memory (RSS), first fifth of the run → last fifth',
      value: `${fmt(f.rssStartMiB, 0)} → ${fmt(f.rssEndMiB, 0)} MiB`,
      goal: `flat (± ${FLAT_MIB} MiB)`,
      met: Math.abs(f.rssEndMiB - f.rssStartMiB) <= FLAT_MIB,
    },
    {
      part,
      metric: 'community view staleness: age of the oldest queued row, sampled each second',
      value: `p99 ${fmt(f.lagP99Ms, 0)} ms, max ${fmt(f.lagMaxMs, 0)} ms`,
      goal: 'measured',
      met: null,
    },
  ];
}
