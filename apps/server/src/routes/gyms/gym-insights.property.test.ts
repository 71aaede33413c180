import { randomUUID } from 'node:crypto';
import type {
  ClimbResponse,
  GymResponse,
  InsightsResponse,
  LayoutResponse,
} from '@sendlog/contract';
import { computeInsights, type InsightsCatalogueClimb, type InsightsSession } from '@sendlog/rules';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithDatabase, type AppWithDatabase } from '../../testing/app-with-database.js';
import { newUser } from '../../testing/client.js';
import { LAYOUT_ID } from '../../testing/fixtures.js';
import { allSessions, ingest, type SessionSpec } from '../../testing/logbook-history.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../../testing/index.js';

/**
 * The server's SQL and the rules module's `computeInsights` give the same answer: random
 * histories of several climbers at two fresh gyms in different zones (and at the demo gym) go in
 * through the real API, some sessions are deleted and some climbs archived afterwards, then
 * `GET /gyms/:id/insights` must deep-equal `computeInsights` over every session `GET /sessions`
 * answers, for random periods. The weekday × hour cells also add up to the weekday and hour
 * strips, and list only cells with sessions.
 */

const ZONES = ['UTC', 'Europe/Berlin', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Chatham'];
/** Around the March/April 2025 clock changes of Berlin, Santiago and Chatham. */
const WINDOW_START = Date.parse('2025-03-24T00:00:00Z');
const WINDOW_DAYS = 18;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OWN = [null, null, 'V3', ' v5 ', '6a+', '7A', 'soft V5', '', 'V4', '6B'];
const SETTERS = [undefined, 'Ana', 'Ben'];
const GRADES = { V: ['V2', 'V3', 'V4', 'V5'], Font: ['6A', '6A+', '6B', '6C'] } as const;
/** Each gym: a V wall of three climbs and a Font wall of two. */
const CLIMBS_PER_GYM = 5;

const tryArb = fc.record({
  climb: fc.integer({ min: 0, max: 2 * CLIMBS_PER_GYM }), // the last: a demo gym climb
  sent: fc.boolean(),
  attempts: fc.integer({ min: 1, max: 3 }),
  own: fc.constantFrom(...OWN),
  rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  at: fc.option(
    fc.integer({ min: -2, max: 8 }).map((n) => n * 15),
    { nil: null, freq: 4 },
  ),
});

const sessionArb = fc.record({
  climber: fc.integer({ min: 0, max: 2 }),
  wall: fc.integer({ min: 0, max: 4 }), // two walls per gym, then the demo wall
  slot: fc.integer({ min: 0, max: WINDOW_DAYS * 48 }),
  deleted: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  tries: fc.array(tryArb, { maxLength: 4 }),
});

const catalogueArb = fc.array(
  fc.record({
    grade: fc.integer({ min: 0, max: 3 }),
    setter: fc.constantFrom(...SETTERS),
    setDay: fc.option(fc.integer({ min: -30, max: WINDOW_DAYS }), { nil: null }),
    archived: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  }),
  { minLength: 2 * CLIMBS_PER_GYM, maxLength: 2 * CLIMBS_PER_GYM },
);

const periodArb = fc
  .record({
    fromHour: fc.integer({ min: -48, max: WINDOW_DAYS * 24 }),
    hours: fc.integer({ min: 1, max: WINDOW_DAYS * 24 }),
  })
  .map(({ fromHour, hours }) => ({
    from: new Date(WINDOW_START + fromHour * HOUR + 30 * 60_000).toISOString(),
    to: new Date(WINDOW_START + (fromHour + hours) * HOUR).toISOString(),
  }));

describe.each(BACKENDS)('insights: SQL and the rules module agree on $name', (backend) => {
  let t: AppWithDatabase;
  let admin: Awaited<ReturnType<AppWithDatabase['signedIn']>>['api'];
  let demoClimb: string;
  beforeAll(async () => {
    t = await appWithDatabase(backend);
    admin = (await t.signedIn('admin')).api;
    const res = await admin.get<{ climbs: { id: string }[] }>(`/layouts/${LAYOUT_ID}/climbs`);
    demoClimb = res.body.climbs[0]!.id;
  }, SERVER_START_TIMEOUT);
  afterAll(() => t?.close());

  /** A fresh gym in `timeZone` with a V wall and a Font wall, and its climbs as the oracle reads them. */
  async function newGym(timeZone: string, specs: readonly CatalogueSpec[]) {
    const gym = await admin.post<GymResponse>('/gyms', {
      name: `Property gym ${randomUUID()}`,
      timeZone,
    });
    const gymId = gym.body.gym.id;
    const walls: string[] = [];
    const climbs: InsightsCatalogueClimb[] = [];
    for (const system of ['V', 'Font'] as const) {
      const wall = await admin.post<LayoutResponse>(`/gyms/${gymId}/layouts`, {
        name: `${system} wall`,
        gradeSystem: system,
      });
      walls.push(wall.body.layout.id);
      const count = system === 'V' ? 3 : 2;
      for (let i = 0; i < count; i += 1) {
        const spec = specs[climbs.length]!;
        const made = await admin.post<ClimbResponse>(`/layouts/${wall.body.layout.id}/climbs`, {
          name: `Climb ${climbs.length % 3}`, // equal names: the order falls back to ids
          grade: GRADES[system][spec.grade],
          ...(spec.setter ? { setter: spec.setter } : {}),
          setAt:
            spec.setDay === null
              ? null
              : new Date(WINDOW_START + spec.setDay * DAY + 5 * HOUR).toISOString(),
        });
        const c = made.body.climb;
        climbs.push({
          id: c.id,
          layoutId: c.layoutId,
          name: c.name,
          grade: c.grade,
          setter: c.setter,
          setAt: c.setAt,
          removalPlannedAt: null,
          archived: false,
          layoutArchived: false,
          system,
        });
      }
    }
    return { gymId, walls, climbs };
  }

  it('on random histories, gyms, zones, deletes, archived climbs and periods', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sessionArb, { minLength: 1, maxLength: 8 }),
        catalogueArb,
        fc.constantFrom(...ZONES),
        fc.constantFrom(...ZONES),
        fc.array(periodArb, { minLength: 1, maxLength: 2 }),
        async (history, catalogue, zoneA, zoneB, periods) => {
          const gyms = [
            await newGym(zoneA, catalogue),
            await newGym(zoneB, catalogue.slice(CLIMBS_PER_GYM)),
          ];
          const walls = [...gyms.flatMap((g) => g.walls), LAYOUT_ID];
          const climbIds = [...gyms.flatMap((g) => g.climbs.map((c) => c.id)), demoClimb];
          const climbers = [await newUser(t.app), await newUser(t.app), await newUser(t.app)];
          const sessions: InsightsSession[] = [];
          for (const [who, climber] of climbers.entries()) {
            const mine = history.filter((s) => s.climber === who);
            const specs: SessionSpec[] = mine.map((s) => ({
              layoutId: walls[s.wall]!,
              start: new Date(WINDOW_START + s.slot * 30 * 60_000).toISOString(),
              tries: s.tries.map(({ climb, ...x }) => ({ ...x, climbId: climbIds[climb]! })),
            }));
            const ids = await ingest(climber.api, specs);
            const deleted = new Set(ids.filter((_, i) => mine[i]!.deleted));
            for (const id of deleted) {
              expect((await climber.api.delete(`/sessions/${id}`)).status).toBe(200);
            }
            for (const s of await allSessions(climber.api)) {
              sessions.push({ ...s, userId: climber.user.id, deleted: deleted.has(s.id) });
            }
          }
          // Archived after the climbing: they still count for the time they were up.
          for (const [i, spec] of catalogue.entries()) {
            const climb = gyms.flatMap((g) => g.climbs)[i];
            if (!spec.archived || climb === undefined) continue;
            expect((await admin.patch(`/climbs/${climb.id}`, { archived: true })).status).toBe(200);
            climb.archived = true;
          }
          for (const [g, gym] of gyms.entries()) {
            const all = {
              from: new Date(WINDOW_START - DAY).toISOString(),
              to: new Date(WINDOW_START + (WINDOW_DAYS + 2) * DAY).toISOString(),
            };
            for (const p of [all, ...periods]) {
              const res = await admin.get<InsightsResponse>(
                `/gyms/${gym.gymId}/insights?${new URLSearchParams(p).toString()}`,
              );
              expect(res.status).toBe(200);
              expect(res.body).toEqual(
                computeInsights({
                  gymId: gym.gymId,
                  timeZone: [zoneA, zoneB][g]!,
                  ...p,
                  layoutIds: gym.walls,
                  climbs: gym.climbs,
                  sessions,
                }),
              );
              expectGridMatchesStrips(res.body.activity);
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 240_000);
});

/** The grid's cells are the strips crossed: each weekday's and each hour's cells sum to it. */
function expectGridMatchesStrips(activity: InsightsResponse['activity']): void {
  const cells = activity.byWeekdayHour;
  expect(cells.every((c) => c.sessions > 0)).toBe(true);
  const sum = (pick: (c: (typeof cells)[number]) => boolean) =>
    cells.filter(pick).reduce((n, c) => n + c.sessions, 0);
  expect(activity.byWeekday.map((d) => sum((c) => c.weekday === d.weekday))).toEqual(
    activity.byWeekday.map((d) => d.sessions),
  );
  expect(activity.byHour.map((h) => sum((c) => c.hour === h.hour))).toEqual(
    activity.byHour.map((h) => h.sessions),
  );
}

interface CatalogueSpec {
  grade: number;
  setter: string | undefined;
  setDay: number | null;
  archived: boolean;
}
