import { SPRAY_SHAPE, type SprayFigures } from '../login-spray.js';
import { fmt, type Row } from '../lib/report.js';

/** Part 13: what a password spray from one address costs another climber. */
export function sprayRows(f: SprayFigures): Row[] {
  const part = '13 login spray (pglite)';
  const answers = Object.entries(f.statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${n} × ${status}`)
    .join(', ');
  return [
    {
      part,
      metric: `${SPRAY_SHAPE.logins} logins to unknown emails from one address, ${SPRAY_SHAPE.concurrency} at a time (${fmt(f.sprayS, 1)} s, ${fmt(f.hashedPerS, 1)} password checks/s)`,
      value: answers,
      goal: '429s',
      met: (f.statuses['429'] ?? 0) > 0,
    },
    {
      part,
      metric: `another climber's GET /me: idle | during the spray (${f.sprayMeMs.samples} samples)`,
      value: `median ${fmt(f.idleMeMs.median, 1)} ms, p95 ${fmt(f.idleMeMs.p95, 0)} ms | median ${fmt(f.sprayMeMs.median, 1)} ms, p95 ${fmt(f.sprayMeMs.p95, 0)} ms`,
      goal: 'shown',
      met: null,
    },
  ];
}
