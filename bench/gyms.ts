/**
 * Part 14: what gyms cost. Two API processes on PostgreSQL, side by side in one run:
 *
 * - **many**: 10 gyms × 50 walls × 4 climbs; the climber follows all 10;
 * - **one**: a server of one gym with 50 walls × 4 climbs, as a server before gyms held; its
 *   climber follows it (today's figure).
 *
 * Measured, interleaved (many, one, many, one …) so a slow moment of the machine hits both:
 * a single sync (`POST /sessions/offline`, one session of 5 tries on the first gym's first wall),
 * and `GET /layouts` for the climber following 10 gyms (500 walls), for a climber who follows
 * none on the same server (the same 500 walls, no follow check: the gym check bypassed) and on
 * the one-gym server (50 walls). Then the catalogue refresh of the 10-gym climber as the app makes
 * it: a gym's walls then each wall's climbs (510 requests), against a gym's walls then its climbs
 * in one request (`GET /gyms/:id/climbs`, 20 requests), cold and revalidated by ETag.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { GymResponse, LayoutResponse, SessionSnapshotInput } from '@sendlog/contract';
import pg from 'pg';
import { registerUser, type BenchUser } from './lib/api-client.js';
import { startServerProcess } from './lib/api-process.js';
import { onCleanup } from './lib/cleanup.js';
import { createScratchDatabase } from './lib/postgres.js';
import { median, timed } from './lib/stats.js';

export const GYMS_SHAPE = {
  gyms: 10,
  wallsPerGym: 50,
  climbsPerWall: 4,
  samples: 25,
  refreshes: 3,
} as const;

export interface RefreshFigures {
  requests: number;
  coldMs: number;
  /** Every list revalidated with its ETag: 304s. */
  warmMs: number;
}

export interface GymFigures {
  /** Median single sync. */
  syncMs: { many: number; one: number };
  /** Median `GET /layouts`. */
  layoutsMs: { following10: number; followingNone: number; oneGym: number };
  refresh: { perWall: RefreshFigures; perGym: RefreshFigures };
}

/** The walls and climbs of a seeded server, by gym. */
interface Seeded {
  gyms: { id: string; walls: { id: string; climbs: string[] }[] }[];
}

const GRADES = ['V1', 'V2', 'V3', 'V4'];

async function call<T>(url: string, init: RequestInit, what: string): Promise<T> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

const withToken = (user: BenchUser, method = 'GET', body?: unknown): RequestInit => ({
  method,
  headers: {
    authorization: `Bearer ${user.token}`,
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
  },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/** Runs `fn` over `items`, `width` at a time. */
async function inBatches<T, R>(items: readonly T[], width: number, fn: (t: T) => Promise<R>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    out.push(...(await Promise.all(items.slice(i, i + width).map(fn))));
  }
  return out;
}

/**
 * `gyms` gyms of 50 walls × 4 climbs through the API, as their staff would make them. The first
 * server admin is made in the database (as `npm run admin -- grant` does).
 */
async function seed(url: string, dbUrl: string, gyms: number): Promise<Seeded> {
  const admin = await registerUser(url);
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    await db.query(`update users set role = 'admin' where id = $1`, [admin.id]);
  } finally {
    await db.end();
  }
  const seeded: Seeded = { gyms: [] };
  for (let g = 0; g < gyms; g++) {
    const { gym } = await call<GymResponse>(
      `${url}/gyms`,
      withToken(admin, 'POST', { name: `Bench gym ${g + 1}`, timeZone: 'Europe/Berlin' }),
      'create gym',
    );
    const walls = await inBatches(
      Array.from({ length: GYMS_SHAPE.wallsPerGym }, (_, w) => w),
      8,
      async (w) => {
        const { layout } = await call<LayoutResponse>(
          `${url}/gyms/${gym.id}/layouts`,
          withToken(admin, 'POST', { name: `Wall ${w + 1}`, gradeSystem: 'V' }),
          'create wall',
        );
        const climbs: string[] = [];
        for (let c = 0; c < GYMS_SHAPE.climbsPerWall; c++) {
          const made = await call<{ climb: { id: string } }>(
            `${url}/layouts/${layout.id}/climbs`,
            withToken(admin, 'POST', { name: `Climb ${c + 1}`, grade: GRADES[c % GRADES.length] }),
            'create climb',
          );
          climbs.push(made.climb.id);
        }
        return { id: layout.id, climbs };
      },
    );
    seeded.gyms.push({ id: gym.id, walls });
  }
  return seeded;
}

/** A new account following every gym of `seeded` (none when `follow` is false). */
async function climber(url: string, seeded: Seeded, follow: boolean): Promise<BenchUser> {
  const user = await registerUser(url);
  if (follow) {
    for (const gym of seeded.gyms) {
      await call(`${url}/me/gyms/${gym.id}`, withToken(user, 'PUT'), 'follow');
    }
  }
  return user;
}

/** One finished session of five tries on the first gym's first wall. */
function snapshot(seeded: Seeded): string {
  const wall = seeded.gyms[0]!.walls[0]!;
  const start = Date.now() - 3 * 3_600_000;
  const at = (min: number) => new Date(start + min * 60_000).toISOString();
  const body: SessionSnapshotInput = {
    clientSessionId: randomUUID(),
    layoutId: wall.id,
    startTime: at(0),
    endTime: at(90),
    notes: null,
    baseRevision: null,
    updatedAt: at(90),
    removedRouteIds: [],
    routes: Array.from({ length: 5 }, (_, r) => ({
      clientRouteId: `r${r}`,
      climbId: wall.climbs[r % wall.climbs.length]!,
      isSuccess: r % 2 === 0,
      attempts: 1 + (r % 3),
      notes: null,
      rating: null,
      gradeOpinion: null,
      loggedAt: at(10 + r * 10),
      updatedAt: at(10 + r * 10),
    })),
  };
  return JSON.stringify(body);
}

async function timedCall(url: string, init: RequestInit): Promise<number> {
  const { ms } = await timed(async () => {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  });
  return ms;
}

/**
 * The 10-gym climber's catalogue refresh in the order the app makes it, one request at a time:
 * `perGym` reads each gym's climbs in one request, else each wall's. Then the same again with
 * every ETag kept (what a phone does at each refresh once it holds the catalogue).
 */
async function refresh(
  url: string,
  user: BenchUser,
  seeded: Seeded,
  perGym: boolean,
): Promise<RefreshFigures> {
  const etags = new Map<string, string>();
  const get = async (path: string) => {
    const init = withToken(user);
    const tag = etags.get(path);
    if (tag) (init.headers as Record<string, string>)['if-none-match'] = tag;
    const res = await fetch(`${url}${path}`, init);
    await res.arrayBuffer();
    if (res.status !== 200 && res.status !== 304) throw new Error(`${path}: HTTP ${res.status}`);
    const etag = res.headers.get('etag');
    if (etag) etags.set(path, etag);
    return res.status;
  };
  const once = async () => {
    let requests = 0;
    for (const gym of seeded.gyms) {
      await get(`/gyms/${gym.id}/layouts`);
      requests++;
      if (perGym) {
        await get(`/gyms/${gym.id}/climbs`);
        requests++;
      } else {
        for (const wall of gym.walls) {
          await get(`/layouts/${wall.id}/climbs`);
          requests++;
        }
      }
    }
    return requests;
  };
  const cold: number[] = [];
  const warm: number[] = [];
  let requests = 0;
  for (let i = 0; i < GYMS_SHAPE.refreshes; i++) {
    etags.clear();
    const c = await timed(once);
    cold.push(c.ms);
    requests = c.result;
    warm.push((await timed(once)).ms);
  }
  return { requests, coldMs: median(cold), warmMs: median(warm) };
}

/** Part 14 against two running API processes: `many` and `one`, on their own databases. */
export async function gymBench(
  many: { url: string; dbUrl: string },
  one: { url: string; dbUrl: string },
): Promise<GymFigures> {
  const seededMany = await seed(many.url, many.dbUrl, GYMS_SHAPE.gyms);
  const seededOne = await seed(one.url, one.dbUrl, 1);
  const following = await climber(many.url, seededMany, true);
  const followingNone = await climber(many.url, seededMany, false);
  const oneGym = await climber(one.url, seededOne, true);

  const sync = { many: [] as number[], one: [] as number[] };
  const layouts = {
    following10: [] as number[],
    followingNone: [] as number[],
    oneGym: [] as number[],
  };
  const offline = (url: string, user: BenchUser, seeded: Seeded) =>
    timedCall(`${url}/sessions/offline`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      body: snapshot(seeded),
    });
  // The first rounds warm both processes (connections, plans) and are not kept.
  const warmup = 3;
  for (let i = 0; i < warmup + GYMS_SHAPE.samples; i++) {
    const round = {
      many: await offline(many.url, following, seededMany),
      one: await offline(one.url, oneGym, seededOne),
      following10: await timedCall(`${many.url}/layouts`, withToken(following)),
      followingNone: await timedCall(`${many.url}/layouts`, withToken(followingNone)),
      oneGym: await timedCall(`${one.url}/layouts`, withToken(oneGym)),
    };
    if (i < warmup) continue;
    sync.many.push(round.many);
    sync.one.push(round.one);
    layouts.following10.push(round.following10);
    layouts.followingNone.push(round.followingNone);
    layouts.oneGym.push(round.oneGym);
  }
  return {
    syncMs: { many: median(sync.many), one: median(sync.one) },
    layoutsMs: {
      following10: median(layouts.following10),
      followingNone: median(layouts.followingNone),
      oneGym: median(layouts.oneGym),
    },
    refresh: {
      perWall: await refresh(many.url, following, seededMany, false),
      perGym: await refresh(many.url, following, seededMany, true),
    },
  };
}

/** Part 14: a server of 10 gyms and one of a single gym, each its own process and database. */
export async function gymsOnPostgres(work: string, secret: string): Promise<GymFigures | null> {
  const dbs = [await createScratchDatabase(), await createScratchDatabase()];
  if (!dbs[0] || !dbs[1]) return null;
  const [manyDb, oneDb] = dbs as [NonNullable<(typeof dbs)[0]>, NonNullable<(typeof dbs)[1]>];
  onCleanup('gyms databases', async () => {
    await manyDb.drop();
    await oneDb.drop();
  });
  const many = await startServerProcess(
    { DATABASE_URL: manyDb.url },
    join(work, 'api-gyms-many.log'),
    secret,
  );
  onCleanup('gyms API process (many)', many.stop);
  const one = await startServerProcess(
    { DATABASE_URL: oneDb.url },
    join(work, 'api-gyms-one.log'),
    secret,
  );
  onCleanup('gyms API process (one)', one.stop);
  const gyms = await gymBench(
    { url: many.url, dbUrl: manyDb.url },
    { url: one.url, dbUrl: oneDb.url },
  );
  await many.stop();
  await one.stop();
  return gyms;
}
