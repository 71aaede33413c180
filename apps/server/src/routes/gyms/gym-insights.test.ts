import type {
  ClimbResponse,
  ErrorBody,
  GymResponse,
  InsightsResponse,
  LayoutResponse,
} from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT_ID } from '../../testing/fixtures.js';
import { appWithDatabase, type AppWithDatabase } from '../../testing/app-with-database.js';
import { newUser } from '../../testing/client.js';
import { ingest, type SessionSpec } from '../../testing/logbook-history.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../../testing/index.js';

type Api = Awaited<ReturnType<AppWithDatabase['signedIn']>>['api'];

/** The period: two ISO weeks in New York (EST, UTC−5), Monday 2 to Sunday 15 February 2026. */
const PERIOD = 'from=2026-02-02T05:00:00.000Z&to=2026-02-16T05:00:00.000Z';

/**
 * A hand-counted history at a New York gym: every figure below was counted on paper from the
 * sessions in `beforeAll` (see the comments there), not computed.
 */
describe.each(BACKENDS)("a gym's insights, counted by hand, on $name", (backend) => {
  let t: AppWithDatabase;
  let admin: Api;
  let gymId: string;
  const c: Record<string, string> = {};
  beforeAll(async () => {
    t = await appWithDatabase(backend);
    admin = (await t.signedIn('admin')).api;
    const gym = await admin.post<GymResponse>('/gyms', {
      name: 'Insight Boulders',
      timeZone: 'America/New_York',
    });
    gymId = gym.body.gym.id;
    const wall = async (name: string, gradeSystem: 'V' | 'Font') =>
      (await admin.post<LayoutResponse>(`/gyms/${gymId}/layouts`, { name, gradeSystem })).body
        .layout.id;
    const cave = await wall('Cave', 'V');
    const slab = await wall('Slab', 'Font');
    const climb = async (
      layout: string,
      name: string,
      grade: string,
      setter?: string,
      setAt?: string,
    ) => {
      const res = await admin.post<ClimbResponse>(`/layouts/${layout}/climbs`, {
        name,
        grade,
        ...(setter ? { setter } : {}),
        setAt: setAt ?? null,
      });
      expect(res.status).toBe(201);
      return res.body.climb.id;
    };
    c.arete = await climb(cave, 'Arete', 'V3', 'Ana', '2026-01-10T12:00:00Z');
    // 23:00 on 31 January in New York: its age counts from that local day.
    c.bulge = await climb(cave, 'Bulge', 'V4', 'Ana', '2026-02-01T04:00:00Z');
    c.crimp = await climb(cave, 'Crimp', 'V2', 'Ben', '2026-02-10T15:00:00Z');
    c.dyno = await climb(cave, 'Dyno', 'V5', undefined, '2026-01-25T12:00:00Z');
    c.egg = await climb(cave, 'Egg', 'V1', 'Ben', '2026-02-20T12:00:00Z');
    c.flake = await climb(cave, 'Flake', 'V0', 'Ben');
    c.fox = await climb(slab, 'Fox', '6A', 'Ben', '2026-01-20T12:00:00Z');

    const [u1, u2, u3] = [await newUser(t.app), await newUser(t.app), await newUser(t.app)];
    const at = (layoutId: string, start: string, tries: SessionSpec['tries']): SessionSpec => ({
      layoutId,
      start,
      tries,
    });
    // U1: before the period, one try at Bulge (so their Bulge send later is no flash).
    await ingest(u1.api, [
      at(cave, '2026-01-20T18:00:00Z', [{ climbId: c.bulge, attempts: 2 }]),
      // Tue 3 Feb 18:30 local.
      at(cave, '2026-02-03T23:30:00Z', [
        { climbId: c.bulge, sent: true, rating: 3, own: 'V5' },
        { climbId: c.arete, sent: true, rating: 4, own: 'V2' }, // flash
        { climbId: c.dyno, attempts: 3, rating: 2 },
      ]),
      // At another gym's wall: nothing of it counts here.
      at(LAYOUT_ID, '2026-02-12T17:00:00Z', []),
    ]);
    await ingest(u2.api, [
      // Tue 3 Feb 22:30 local (already Wednesday in UTC).
      at(cave, '2026-02-04T03:30:00Z', [
        { climbId: c.arete, attempts: 2, rating: 5, own: 'V4' },
        { climbId: c.arete, sent: true, rating: 3, own: 'v2' }, // not a flash: second try
        { climbId: c.bulge, sent: true, rating: 4, own: 'V5' }, // flash
      ]),
      // Wed 11 Feb 09:00 local, an empty session: it still counts as a visit.
      at(cave, '2026-02-11T14:00:00Z', []),
      // Exactly `to`: outside the period.
      at(cave, '2026-02-16T05:00:00Z', [{ climbId: c.crimp, sent: true }]),
    ]);
    const [deleted] = await ingest(u3.api, [
      // Deleted: its send, stars and opinion never count, and it does not spoil U3's flash.
      at(cave, '2026-02-05T15:00:00Z', [{ climbId: c.arete, attempts: 3, rating: 5, own: 'V2' }]),
      // Sun 8 Feb 23:30 local (Monday 9 in UTC): the first week, weekday 7, hour 23.
      at(cave, '2026-02-09T04:30:00Z', [
        { climbId: c.arete, sent: true, own: 'V3' }, // flash
        { climbId: c.bulge, attempts: 4, rating: 1, own: 'V6' },
        { climbId: c.bulge, attempts: 1, own: '6A' }, // not a grade of a V wall
        { climbId: c.dyno, sent: true, attempts: 2, own: 'V6' },
      ]),
      // Tue 10 Feb 10:00 local.
      at(slab, '2026-02-10T15:00:00Z', [{ climbId: c.fox, sent: true, rating: 4, own: '6a+' }]),
    ]);
    expect((await u3.api.delete(`/sessions/${deleted}`)).status).toBe(200);
    // Dyno comes down after it was climbed; Flake was never climbed and is archived.
    for (const id of [c.dyno, c.flake]) {
      expect((await admin.patch(`/climbs/${id}`, { archived: true })).status).toBe(200);
    }
    expect(
      (await admin.patch(`/climbs/${c.crimp}`, { removalPlannedAt: '2026-03-01' })).status,
    ).toBe(200);
  }, SERVER_START_TIMEOUT);
  afterAll(() => t?.close());

  it('answers every field as counted by hand', async () => {
    const res = await admin.get<InsightsResponse>(`/gyms/${gymId}/insights?${PERIOD}`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.gymId).toBe(gymId);
    expect(body.from).toBe('2026-02-02T05:00:00.000Z');
    expect(body.to).toBe('2026-02-16T05:00:00.000Z');
    expect(body.timeZone).toBe('America/New_York');
    // Up now: everything but Dyno and Flake (archived); grades easiest first.
    expect(body.set).toEqual([
      { grade: 'V1', climbs: 1 },
      { grade: 'V2', climbs: 1 },
      { grade: '6A', climbs: 1 },
      { grade: 'V3', climbs: 1 },
      { grade: 'V4', climbs: 1 },
    ]);
    // By the routes' grades: Arete's four tries, Bulge's four, Dyno's two, Fox's one.
    expect(body.climbed).toEqual([
      { grade: '6A', climbers: 1, tries: 1, attempts: 1, sends: 1 },
      { grade: 'V3', climbers: 3, tries: 4, attempts: 5, sends: 3 },
      { grade: 'V4', climbers: 3, tries: 4, attempts: 7, sends: 2 },
      { grade: 'V5', climbers: 2, tries: 2, attempts: 5, sends: 1 },
    ]);
    const row = (name: string) => body.climbs.find((x) => x.name === name);
    expect(body.climbs.map((x) => x.name)).toEqual([
      'Arete',
      'Bulge',
      'Crimp',
      'Dyno',
      'Egg',
      'Fox',
    ]);
    expect(row('Arete')).toMatchObject({
      climbId: c.arete,
      grade: 'V3',
      setter: 'Ana',
      setAt: '2026-01-10T12:00:00.000Z',
      removalPlannedAt: null,
      ageDays: 36,
      archived: false,
      climbers: 3,
      tries: 4,
      attempts: 5,
      sends: 3,
      flashes: 2,
      rating: 4, // 4, 5 and 3; U3 gave none
      communityGrade: 'V2', // V2, V2, V3, V4: the lower middle one
      opinions: 4,
    });
    expect(row('Bulge')).toMatchObject({
      ageDays: 15,
      climbers: 3,
      tries: 4,
      attempts: 7,
      sends: 2,
      flashes: 1,
      rating: 2.67, // 3, 4 and 1
      communityGrade: 'V5', // V5, V5, V6: the Font opinion is no grade of the wall
      opinions: 3,
    });
    expect(row('Crimp')).toMatchObject({
      ageDays: 5,
      removalPlannedAt: '2026-03-01',
      climbers: 0,
      tries: 0,
      attempts: 0,
      sends: 0,
      flashes: 0,
      rating: null,
      communityGrade: null,
      opinions: 0,
    });
    expect(row('Dyno')).toMatchObject({
      setter: null,
      archived: true,
      ageDays: 21,
      climbers: 2,
      tries: 2,
      attempts: 5,
      sends: 1,
      flashes: 0,
      rating: 2,
      communityGrade: 'V6',
      opinions: 1,
    });
    expect(row('Egg')).toMatchObject({
      ageDays: 0,
      climbers: 0,
      setAt: '2026-02-20T12:00:00.000Z',
    });
    expect(row('Fox')).toMatchObject({
      ageDays: 26,
      climbers: 1,
      tries: 1,
      attempts: 1,
      sends: 1,
      flashes: 1,
      rating: 4,
      communityGrade: '6A+',
      opinions: 1,
    });
    expect(body.verdicts).toEqual([
      { climbId: c.arete, grade: 'V3', communityGrade: 'V2', opinions: 4, direction: 'softer' },
      { climbId: c.bulge, grade: 'V4', communityGrade: 'V5', opinions: 3, direction: 'harder' },
    ]);
    expect(body.activity.weeks).toEqual([
      { weekStart: '2026-02-02', sessions: 3, climbers: 3 },
      { weekStart: '2026-02-09', sessions: 2, climbers: 2 },
    ]);
    expect(body.activity.byWeekday).toEqual(
      [0, 3, 1, 0, 0, 0, 1].map((sessions, i) => ({ weekday: i + 1, sessions })),
    );
    const hours = new Map([
      [9, 1],
      [10, 1],
      [18, 1],
      [22, 1],
      [23, 1],
    ]);
    expect(body.activity.byHour).toEqual(
      Array.from({ length: 24 }, (_, hour) => ({ hour, sessions: hours.get(hour) ?? 0 })),
    );
    // The same five sessions crossed, only the cells with any: Tue 18:30 (U1), Tue 22:30 (U2),
    // Tue 10:00 (U3, Slab), Wed 09:00 (U2), Sun 23:30 (U3).
    expect(body.activity.byWeekdayHour).toEqual([
      { weekday: 2, hour: 10, sessions: 1 },
      { weekday: 2, hour: 18, sessions: 1 },
      { weekday: 2, hour: 22, sessions: 1 },
      { weekday: 3, hour: 9, sessions: 1 },
      { weekday: 7, hour: 23, sessions: 1 },
    ]);
    // Ana: Arete and Bulge, (4 + 5 + 3 + 3 + 4 + 1) / 6 stars; Ben: Crimp, Egg and Fox. Dyno has
    // no setter.
    expect(body.setters).toEqual([
      { setter: 'Ana', climbs: 2, rating: 3.33, verdicts: 2 },
      { setter: 'Ben', climbs: 3, rating: 4, verdicts: 0 },
    ]);
    // Aggregates only: nothing in the answer names a climber.
    const text = JSON.stringify(body);
    for (const word of ['email', 'userId', 'climber-', 'Test Climber']) {
      expect(text).not.toContain(word);
    }
  });

  it('defaults to the last 8 ISO weeks in the gym zone', async () => {
    const res = await admin.get<InsightsResponse>(`/gyms/${gymId}/insights`);
    expect(res.status).toBe(200);
    expect(res.body.activity.weeks).toHaveLength(8);
    expect(Math.abs(Date.parse(res.body.to) - Date.now())).toBeLessThan(60_000);
  });

  it('refuses bad dates at their field, climbers with 403, and answers 404 for no gym', async () => {
    const bad = await admin.get<ErrorBody>(`/gyms/${gymId}/insights?from=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.details?.map((d) => d.path)).toContain('from');
    const backwards = await admin.get<ErrorBody>(
      `/gyms/${gymId}/insights?from=2026-02-16T00:00:00Z&to=2026-02-01T00:00:00Z`,
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details?.map((d) => d.path)).toEqual(['from']);
    const climber = await newUser(t.app);
    expect((await climber.api.get(`/gyms/${gymId}/insights`)).status).toBe(403);
    const demoSetter = await t.demoSetter();
    expect((await demoSetter.get(`/gyms/${gymId}/insights`)).status).toBe(403);
    const unknown = await admin.get(`/gyms/00000000-0000-4000-8000-000000000000/insights`);
    expect(unknown.status).toBe(404);
  });

  it("the gym's setter sees them", async () => {
    const setter = await t.signedIn('climber');
    await admin.put(`/gyms/${gymId}/staff`, { email: setter.email, role: 'setter' });
    const res = await setter.api.get<InsightsResponse>(`/gyms/${gymId}/insights?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.body.verdicts).toHaveLength(2);
  });
});
