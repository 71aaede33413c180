import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { BenchUser, Catalogue } from './lib/api-client.js';
import { median } from './lib/stats.js';
import { freshSnapshots } from './lib/workload.js';

/**
 * Part 16: an evening at the gyms for a few minutes against one API process on PostgreSQL. Each
 * virtual climber (one account, one wall of the gyms the server holds) does, one request after
 * another with no pause, a draw from the evening's mix below; the community view is folded off
 * the request path meanwhile, and its lag (the oldest queued row) is sampled every second, as is
 * the API process's resident memory.
 */
export const EVENING_SHAPE = {
  climbers: 32,
  mix: [
    // A route logged and synced on its own, as a phone online does.
    { kind: 'single', weight: 35 },
    // A phone back online with its backlog: 10 sessions × 15 routes.
    { kind: 'bulk', weight: 10 },
    // Another device of the climber pulling what changed.
    { kind: 'pull', weight: 30 },
    // The wall's climbs, revalidated with the ETag the last answer gave (mostly 304).
    { kind: 'layout', weight: 20 },
    // The Progress tab's figures.
    { kind: 'stats', weight: 5 },
  ],
  /** Staff at the desk, one request after another: the gym's insights of the last 8 weeks. */
  staff: 1,
} as const;
type Kind = (typeof EVENING_SHAPE.mix)[number]['kind'] | 'insights';

export interface EveningFigures {
  durationS: number;
  climbers: number;
  walls: number;
  requests: number;
  requestsPerS: number;
  sessionsPerS: number;
  p50Ms: number;
  p99Ms: number;
  byKind: Record<Kind, { count: number; p50Ms: number; p99Ms: number }>;
  errors: number;
  notModified: number;
  /** API process RSS (MiB): median of the first and of the last 20 % of the samples. */
  rssStartMiB: number;
  rssEndMiB: number;
  /** Age of the oldest queued community row, sampled each second: how stale the view ran. */
  lagP99Ms: number;
  lagMaxMs: number;
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

function drawKind(): Kind {
  const total = EVENING_SHAPE.mix.reduce((n, m) => n + m.weight, 0);
  let r = Math.random() * total;
  for (const m of EVENING_SHAPE.mix) {
    r -= m.weight;
    if (r < 0) return m.kind;
  }
  return 'single';
}

interface Climber {
  user: BenchUser;
  wall: Catalogue;
  cursor: string;
  etag: string | null;
}

export async function eveningRun(o: {
  url: string;
  dbUrl: string;
  pid: number;
  users: BenchUser[];
  walls: Catalogue[];
  durationS: number;
  /** A staff member's token and the gyms whose insights they read (none: no staff). */
  staff: { token: string; gymIds: string[] } | null;
}): Promise<EveningFigures> {
  const climbers: Climber[] = o.users.map((user, i) => ({
    user,
    wall: o.walls[i % o.walls.length]!,
    cursor: '',
    etag: null,
  }));
  const latencies = new Map<Kind, number[]>(EVENING_SHAPE.mix.map((m) => [m.kind, []]));
  if (o.staff) latencies.set('insights', []);
  let errors = 0;
  let notModified = 0;
  let sessions = 0;
  const rss: number[] = [];
  const lag: number[] = [];
  const pool = new pg.Pool({ connectionString: o.dbUrl, max: 1 });
  const end = Date.now() + o.durationS * 1000;
  const sampler = setInterval(() => {
    rss.push(rssMiB(o.pid));
    void pool
      .query<{ ms: number | null }>(
        `select (extract(epoch from (clock_timestamp() - min(queued_at))) * 1000)::float8 as ms
         from community_outbox`,
      )
      .then((r) => lag.push(Math.max(0, Number(r.rows[0]?.ms ?? 0))));
  }, 1000);

  async function act(c: Climber): Promise<void> {
    const kind = drawKind();
    const auth = { authorization: `Bearer ${c.user.token}` };
    const json = { ...auth, 'content-type': 'application/json' };
    const start = performance.now();
    let ok: boolean;
    if (kind === 'single' || kind === 'bulk') {
      const batch = freshSnapshots(c.wall, kind === 'single' ? 1 : 10, kind === 'single' ? 8 : 15);
      const res = await fetch(
        `${o.url}${kind === 'single' ? '/sessions/offline' : '/sessions/sync/bulk'}`,
        {
          method: 'POST',
          headers: json,
          body: JSON.stringify(kind === 'single' ? batch[0] : { sessions: batch }),
        },
      );
      const body = (await res.json()) as { summary?: { rejected: number } };
      ok = res.ok && (body.summary?.rejected ?? 0) === 0;
      if (ok) sessions += batch.length;
    } else if (kind === 'pull') {
      const res = await fetch(
        `${o.url}/sessions?updatedSince=${encodeURIComponent(c.cursor)}&limit=50`,
        { headers: auth },
      );
      const body = (await res.json()) as { nextCursor?: string };
      ok = res.ok;
      if (ok && body.nextCursor) c.cursor = body.nextCursor;
    } else if (kind === 'layout') {
      const res = await fetch(`${o.url}/layouts/${c.wall.layoutId}/climbs`, {
        headers: { ...auth, ...(c.etag ? { 'if-none-match': c.etag } : {}) },
      });
      await res.arrayBuffer();
      ok = res.ok || res.status === 304;
      if (res.status === 304) notModified += 1;
      c.etag = res.headers.get('etag') ?? c.etag;
    } else {
      const res = await fetch(`${o.url}/stats`, { headers: auth });
      await res.arrayBuffer();
      ok = res.ok;
    }
    latencies.get(kind)!.push(performance.now() - start);
    if (!ok) errors += 1;
  }

  async function readInsights(staff: { token: string; gymIds: string[] }, n: number) {
    const start = performance.now();
    const gymId = staff.gymIds[n % staff.gymIds.length]!;
    const res = await fetch(`${o.url}/gyms/${gymId}/insights`, {
      headers: { authorization: `Bearer ${staff.token}` },
    });
    await res.arrayBuffer();
    latencies.get('insights')!.push(performance.now() - start);
    if (!res.ok) errors += 1;
  }

  const loop = async (step: (n: number) => Promise<void>) => {
    for (let n = 0; Date.now() < end; n += 1) {
      try {
        await step(n);
      } catch {
        errors += 1;
      }
    }
  };
  const started = Date.now();
  const staff = o.staff;
  await Promise.all([
    ...climbers.map((c) => loop(() => act(c))),
    ...(staff
      ? Array.from({ length: EVENING_SHAPE.staff }, () => loop((n) => readInsights(staff, n)))
      : []),
  ]);
  const elapsedS = (Date.now() - started) / 1000;
  clearInterval(sampler);
  await pool.end();
  const all = [...latencies.values()].flat();
  const fifth = Math.max(1, Math.floor(rss.length / 5));
  const byKind = Object.fromEntries(
    [...latencies].map(([k, v]) => [
      k,
      { count: v.length, p50Ms: percentile(v, 50), p99Ms: percentile(v, 99) },
    ]),
  ) as EveningFigures['byKind'];
  return {
    durationS: elapsedS,
    climbers: climbers.length,
    walls: o.walls.length,
    requests: all.length,
    requestsPerS: all.length / elapsedS,
    sessionsPerS: sessions / elapsedS,
    p50Ms: percentile(all, 50),
    p99Ms: percentile(all, 99),
    byKind,
    errors,
    notModified,
    rssStartMiB: median(rss.slice(0, fifth)),
    rssEndMiB: median(rss.slice(-fifth)),
    lagP99Ms: percentile(lag, 99),
    lagMaxMs: Math.max(0, ...lag),
  };
}
