import { readFileSync } from 'node:fs';
import type { ClimbResponse, ErrorBody, GymResponse, LayoutResponse } from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIMBS, DEMO_GYM, DEMO_LAYOUTS } from '../../demo/gym.js';
import { MANAGED_ROUTES } from '../../http/gym-access.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../../testing/index.js';
import { appWithDatabase, type AppWithDatabase } from '../../testing/app-with-database.js';

type Api = Awaited<ReturnType<AppWithDatabase['signedIn']>>['api'];
type Call = (api: Api) => Promise<{ status: number; body: unknown }>;

const PNG = new Uint8Array(
  readFileSync(new URL('../../catalogue/test-pictures/tiny.png', import.meta.url)),
);

/**
 * Every management endpoint, aimed at one gym's wall, climb or self: the calls staff of another
 * gym are refused. Keyed by the route as declared, so a new management endpoint without a case
 * here fails the first test.
 */
function callsAt(
  gym: { id: string; layout: string; climb: string },
  staffEmail = 'setter@sendlog.app',
): Record<string, Call> {
  return {
    'POST /layouts': (api) =>
      api.post('/layouts', { name: 'Theirs', gradeSystem: 'V', gymId: gym.id }),
    'PATCH /layouts/:layoutId': (api) => api.patch(`/layouts/${gym.layout}`, { archived: true }),
    'PUT /layouts/:layoutId/image': (api) =>
      api.putBytes(`/layouts/${gym.layout}/image`, PNG, 'image/png'),
    'POST /layouts/:layoutId/climbs': (api) =>
      api.post(`/layouts/${gym.layout}/climbs`, { name: 'Theirs', grade: 'V3' }),
    'POST /layouts/:layoutId/reset': (api) =>
      api.post(`/layouts/${gym.layout}/reset`, {
        climbs: [{ name: 'Theirs', grade: 'V1' }],
        archiveOthers: true,
      }),
    'PATCH /climbs/:climbId': (api) =>
      api.patch(`/climbs/${gym.climb}`, { grade: 'V9', removalPlannedAt: '2027-01-01' }),
    'PATCH /gyms/:gymId': (api) => api.patch(`/gyms/${gym.id}`, { name: 'Taken over' }),
    'GET /gyms/:gymId/staff': (api) => api.get(`/gyms/${gym.id}/staff`),
    'PUT /gyms/:gymId/staff': (api) =>
      api.put(`/gyms/${gym.id}/staff`, { email: staffEmail, role: 'admin' }),
    'GET /gyms/:gymId/insights': (api) => api.get(`/gyms/${gym.id}/insights`),
    'POST /gyms/:gymId/layouts': (api) =>
      api.post(`/gyms/${gym.id}/layouts`, { name: 'Theirs', gradeSystem: 'V' }),
  };
}

describe.each(BACKENDS)("one gym's staff and another gym on $name", (backend) => {
  let t: AppWithDatabase;
  let serverAdmin: Api;
  let other: { id: string; layout: string; climb: string };
  beforeAll(async () => {
    t = await appWithDatabase(backend);
    serverAdmin = (await t.signedIn('admin')).api;
    const gym = await serverAdmin.post<GymResponse>('/gyms', {
      name: 'Other gym',
      timeZone: 'Europe/Vienna',
    });
    expect(gym.status).toBe(201);
    const layout = await serverAdmin.post<LayoutResponse>(`/gyms/${gym.body.gym.id}/layouts`, {
      name: 'Their wall',
    });
    const climb = await serverAdmin.post<ClimbResponse>(
      `/layouts/${layout.body.layout.id}/climbs`,
      { name: 'Their climb', grade: 'V2' },
    );
    other = { id: gym.body.gym.id, layout: layout.body.layout.id, climb: climb.body.climb.id };
  }, SERVER_START_TIMEOUT);
  afterAll(() => t?.close());

  it('every management endpoint refuses staff of another gym with 403, and writes nothing', async () => {
    const calls = callsAt(other);
    const declared = [...MANAGED_ROUTES].filter((r) => !r.startsWith('HEAD ')).sort();
    expect(Object.keys(calls).sort()).toEqual(declared);

    const setterOfDemo = await t.demoSetter();
    const adminOfDemo = await t.signedIn('climber');
    const made = await serverAdmin.put(`/gyms/${DEMO_GYM.id}/staff`, {
      email: adminOfDemo.email,
      role: 'admin',
    });
    expect(made.status).toBe(200);
    const before = await t.catalogueRows();
    for (const [name, api] of [
      ['a setter of the demo gym', setterOfDemo],
      ['an admin of the demo gym', adminOfDemo.api],
    ] as const) {
      for (const [route, call] of Object.entries(calls)) {
        const res = await call(api);
        expect(res.status, `${name}: ${route}`).toBe(403);
        expect((res.body as ErrorBody).error.code, `${name}: ${route}`).toBe('forbidden');
      }
    }
    expect(await t.catalogueRows()).toEqual(before);

    // The same calls at their own gym go through (nothing above was refused for its body).
    const own = callsAt(
      {
        id: DEMO_GYM.id,
        layout: DEMO_LAYOUTS[1]!.id,
        climb: DEMO_CLIMBS.find((c) => c.layoutId === DEMO_LAYOUTS[1]!.id)!.id,
      },
      adminOfDemo.email,
    );
    for (const [route, call] of Object.entries(own)) {
      expect((await call(adminOfDemo.api)).status, route).toBeLessThan(300);
    }
  });

  it('a setter of a gym manages its walls and climbs but not its settings or staff', async () => {
    const setter = await t.demoSetter();
    const own = callsAt({
      id: DEMO_GYM.id,
      layout: DEMO_LAYOUTS[0]!.id,
      climb: DEMO_CLIMBS.find((c) => c.layoutId === DEMO_LAYOUTS[0]!.id)!.id,
    });
    const adminOnly = ['PATCH /gyms/:gymId', 'GET /gyms/:gymId/staff', 'PUT /gyms/:gymId/staff'];
    const before = await t.catalogueRows();
    for (const route of adminOnly) {
      const res = await own[route]!(setter);
      expect(res.status, route).toBe(403);
    }
    expect(await t.catalogueRows()).toEqual(before);
    for (const [route, call] of Object.entries(own)) {
      if (adminOnly.includes(route)) continue;
      expect((await call(setter)).status, route).toBeLessThan(300);
    }
  });

  it('a server admin manages any gym; an unknown id is 404 to staff, 403 to a climber', async () => {
    for (const [route, call] of Object.entries(callsAt(other))) {
      expect((await call(serverAdmin)).status, route).toBeLessThan(300);
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    const setter = await t.demoSetter();
    const climber = (await t.signedIn('climber')).api;
    for (const [route, call] of Object.entries(
      callsAt({ id: unknown, layout: unknown, climb: unknown }),
    )) {
      if (route === 'POST /layouts') continue;
      const asStaff = await call(setter);
      expect(asStaff.status, route).toBe(404);
      expect((await call(climber)).status, route).toBe(403);
    }
  });
});
