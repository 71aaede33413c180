import { randomUUID } from 'node:crypto';
import type { ClimbHistoryResponse, StatsResponse, UnlistedClimb } from '@sendlog/contract';
import { climbHistory, computeStats } from '@sendlog/rules';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIMBS } from '../../demo/gym.js';
import { newUser } from '../../testing/client.js';
import { LAYOUT_ID } from '../../testing/fixtures.js';
import { startLogbookApp, type LogbookApp } from '../../testing/logbook-app.js';
import { allSessions, asLogbook, ingest, type SessionSpec } from '../../testing/logbook-history.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../../testing/index.js';

/**
 * The server's SQL and the rules module give the same numbers: random histories go in through
 * the real API, then `GET /stats` must deep-equal `computeStats` of `@sendlog/rules` on the
 * sessions `GET /sessions` answers, for random periods, zones and both grade sources.
 */

const ZONES = ['UTC', 'Europe/Berlin', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Chatham'];
/** Around the March/April 2025 clock changes of Berlin, Santiago and Chatham. */
const WINDOW_START = Date.parse('2025-03-24T00:00:00Z');
const WINDOW_DAYS = 18;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OWN = [null, null, 'V3', ' v5 ', '6a+', '7A', 'soft V5', '', 'V17', 'project'];

/** Climbs whose grades the catalogue would refuse, written straight into the database. */
const ODD_CLIMBS = [
  { id: randomUUID(), grade: 'project?' },
  { id: randomUUID(), grade: ' v3' },
];

const ACTIVE = DEMO_CLIMBS.filter((c) => !c.archived);
const CLIMBS = [
  ...['V1', 'V3', 'V3', 'V6'].map((g, i) => ACTIVE.filter((c) => c.grade === g)[i % 2]!.id),
  ...ODD_CLIMBS.map((c) => c.id),
];

/**
 * Climbs in no catalogue: boulders in V and Font (in the grade table), a boulder of a gym's own
 * grade and routes (outside it), one route graded like a boulder, and the same name in two kinds.
 */
const UNLISTED: UnlistedClimb[] = [
  { name: 'Roof', grade: 'V4', kind: 'boulder' },
  { name: 'Bleau arête', grade: '6b+', kind: 'boulder' },
  { name: 'Pink one', grade: 'pink', kind: 'boulder' },
  { name: 'Crack', grade: '5.11a', kind: 'route' },
  { name: 'Crack', grade: '5.11a', kind: 'boulder' },
  { name: 'Dièdre', grade: '7b+', kind: 'route' },
  { name: 'Slab', grade: 'V2', kind: 'route' },
];

const tryArb = fc.record({
  climbId: fc.constantFrom(...CLIMBS, ...UNLISTED.map((_, i) => `unlisted-${i}`)),
  sent: fc.boolean(),
  attempts: fc.integer({ min: 1, max: 3 }),
  own: fc.constantFrom(...OWN),
  // Minutes after the start, on a coarse grid so equal moments test the order's tie-breaks.
  at: fc.option(
    fc.integer({ min: -2, max: 8 }).map((n) => n * 15),
    { nil: null, freq: 4 },
  ),
});

const historyArb = fc.array(
  fc.record({
    // Half-hour steps, so sessions share starts and cross local midnights.
    slot: fc.integer({ min: 0, max: WINDOW_DAYS * 48 }),
    deleted: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    elsewhere: fc.boolean(),
    tries: fc.array(tryArb, { maxLength: 5 }),
  }),
  { minLength: 1, maxLength: 7 },
);

const periodArb = fc
  .record({
    fromHour: fc.integer({ min: -48, max: WINDOW_DAYS * 24 }),
    hours: fc.integer({ min: 1, max: WINDOW_DAYS * 24 }),
    tz: fc.constantFrom(...ZONES),
  })
  .map(({ fromHour, hours, tz }) => ({
    from: new Date(WINDOW_START + fromHour * HOUR + 30 * 60_000).toISOString(),
    to: new Date(WINDOW_START + (fromHour + hours) * HOUR).toISOString(),
    tz,
  }));

describe.each(BACKENDS)('stats: SQL and the rules module agree on $name', (backend) => {
  let server: LogbookApp;
  beforeAll(async () => {
    server = await startLogbookApp(backend);
    for (const c of ODD_CLIMBS) {
      await server.db.execute(
        sql`insert into climbs (id, layout_id, name, grade) values (${c.id}, ${LAYOUT_ID}, ${`Odd ${c.grade}`}, ${c.grade})`,
      );
    }
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  it('on random histories, periods, zones and grade sources', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArb,
        fc.array(periodArb, { minLength: 2, maxLength: 3 }),
        async (history, periods) => {
          const { api } = await newUser(server.app);
          const specs: SessionSpec[] = history.map((s) => ({
            start: new Date(WINDOW_START + s.slot * 30 * 60_000).toISOString(),
            ...(s.elsewhere ? { place: 'Frankenjura' } : {}),
            tries: s.tries.map((t) => {
              const unlisted = /^unlisted-(\d)$/.exec(t.climbId);
              return unlisted ? { ...t, climbId: null, climb: UNLISTED[Number(unlisted[1])] } : t;
            }),
          }));
          const ids = await ingest(api, specs);
          const deleted = new Set(ids.filter((_, i) => history[i]!.deleted));
          for (const id of deleted) await server.deleteSession(id);
          const sessions = asLogbook(await allSessions(api), deleted);
          // The whole window too, so every history is compared once in full.
          const all = {
            from: new Date(WINDOW_START - DAY).toISOString(),
            to: new Date(WINDOW_START + (WINDOW_DAYS + 2) * DAY).toISOString(),
            tz: 'Pacific/Chatham',
          };
          for (const p of [all, ...periods]) {
            for (const grades of ['route', 'own'] as const) {
              const query = new URLSearchParams({ ...p, grades }).toString();
              const res = await api.get<StatsResponse>(`/stats?${query}`);
              expect(res.status).toBe(200);
              expect(res.body).toEqual(computeStats(sessions, { ...p, grades }));
            }
          }
          const climbId =
            history.flatMap((s) => s.tries).find((t) => !t.climbId.startsWith('unlisted'))
              ?.climbId ?? CLIMBS[0]!;
          const story = await api.get<ClimbHistoryResponse>(`/climbs/${climbId}/history`);
          expect(story.status).toBe(200);
          expect(story.body).toEqual(climbHistory(story.body.climb, sessions));
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);
});
