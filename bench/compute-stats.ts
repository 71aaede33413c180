/**
 * How long `computeStats` takes on a big history, per period and zone (cold and warm):
 * `npx tsx bench/compute-stats.ts`. A script, not a test: a timing says nothing on a busy CI
 * machine. The budget is well under one 16 ms frame per 1,000 sessions, on the phone as on the
 * server; part 9 of `npm run bench` holds the run's figure against it.
 */
import { performance } from 'node:perf_hooks';
import { V_GRADES } from '@sendlog/contract';
import { computeStats, type LogbookSession } from '@sendlog/rules';

const SESSIONS = 2_000;
const ROUTES = 20;
const CLIMBS = 400;
const HOUR = 3_600_000;

/** A deterministic pseudo-random stream (mulberry32), so every run measures the same history. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function history(): LogbookSession[] {
  const next = random(42);
  const first = Date.parse('2021-06-01T17:00:00Z');
  return Array.from({ length: SESSIONS }, (_, s) => {
    const startMs = first + s * 22 * HOUR + Math.floor(next() * 4 * HOUR);
    return {
      id: `session-${s}`,
      startTime: new Date(startMs).toISOString(),
      endTime: new Date(startMs + 2 * HOUR).toISOString(),
      deleted: next() < 0.01,
      routes: Array.from({ length: ROUTES }, (_, r) => {
        const climb = Math.floor(next() * CLIMBS);
        return {
          id: `route-${s}-${r}`,
          climbId: `climb-${climb}`,
          climbName: `Climb ${climb}`,
          grade: V_GRADES[climb % V_GRADES.length]!,
          gradeOpinion: next() < 0.2 ? 'soft V5' : null,
          isSuccess: next() < 0.5,
          attempts: 1 + Math.floor(next() * 4),
          notes: null,
          rating: null,
          loggedAt: new Date(startMs + r * 5 * 60_000).toISOString(),
        };
      }),
    };
  });
}

const sessions = history();
const periods = {
  'whole history (5 years)': { from: '2021-06-01T00:00:00Z', to: '2026-05-31T00:00:00Z' },
  'last 12 weeks': { from: '2026-01-05T00:00:00Z', to: '2026-03-30T00:00:00Z' },
};
for (const [name, period] of Object.entries(periods)) {
  for (const tz of ['UTC', 'Europe/Berlin']) {
    const options = { ...period, tz, grades: 'own' as const };
    // The first call in a zone also learns its offsets for every day of the period.
    const cold0 = performance.now();
    computeStats(sessions, options);
    const cold = performance.now() - cold0;
    for (let i = 0; i < 5; i += 1) computeStats(sessions, options); // warm-up
    const runs: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      computeStats(sessions, options);
      runs.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const perThousand = (ms: number) => ((ms * 1000) / SESSIONS).toFixed(1);
    // On a shared machine the wall clock counts other processes' turns; CPU time does not.
    console.log(
      `${SESSIONS} × ${ROUTES}, ${name}, ${tz}: ` +
        `wall median ${median(runs).toFixed(1)} ms (min ${Math.min(...runs).toFixed(1)}), ` +
        `CPU median ${median(cpu).toFixed(1)} ms = ${perThousand(median(cpu))} ms per 1,000 sessions ` +
        `(min ${perThousand(Math.min(...cpu))}), ` +
        `first call ${cold.toFixed(1)} ms wall`,
    );
  }
}
