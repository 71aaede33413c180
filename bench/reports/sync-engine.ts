import { fmt, type Row } from '../lib/report.js';
import { ENGINE_SHAPE, type EngineFigures } from '../sync-engine.js';

/** Part 6: one `syncNow()` of a large backlog, with the requests it took. */
export function engineRows(e: EngineFigures): Row[] {
  const kinds = Object.entries(e.byKind)
    .map(([kind, k]) => `${k.count} × ${kind}`)
    .join(', ');
  return [
    {
      part: '6 sync engine (postgres)',
      metric: `syncNow() of ${ENGINE_SHAPE.sessions.toLocaleString('en-US')} pending sessions × ${ENGINE_SHAPE.routes} routes`,
      value: `${fmt(e.medianMs / 1000, 2)} s, ${e.requests} requests (${kinds})`,
      goal: 'shown',
      met: null,
    },
  ];
}
