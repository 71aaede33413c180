import type { ClimbResponse, ClimbsResponse, GymResponse, LayoutResponse } from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GYM, DEMO_LAYOUTS } from '../../demo/gym.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../../testing/index.js';
import { appWithDatabase, type AppWithDatabase } from '../../testing/app-with-database.js';
import { client } from '../../testing/client.js';

/**
 * `GET /gyms/:id/climbs` (additive, docs/api.md): a gym's whole catalogue of climbs in one
 * answer, the same climbs `GET /layouts/:id/climbs` answers wall by wall, with its own ETag.
 */
describe.each(BACKENDS)('a gym’s climbs in one request on $name', (backend) => {
  let t: AppWithDatabase;
  beforeAll(async () => {
    t = await appWithDatabase(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => t?.close());

  it('answers every wall’s climbs, wall by wall, with an ETag that moves with a change', async () => {
    const anon = client(t.app);
    const perWall = await Promise.all(
      [...DEMO_LAYOUTS]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map(async (l) => (await anon.get<ClimbsResponse>(`/layouts/${l.id}/climbs`)).body.climbs),
    );
    const bySlug = await anon.get<ClimbsResponse>(`/gyms/${DEMO_GYM.slug}/climbs`);
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.climbs).toEqual(perWall.flat());
    expect(bySlug.body.climbs.length).toBeGreaterThan(0);
    const etag = String(bySlug.headers.etag);

    const byId = await anon.get(`/gyms/${DEMO_GYM.id}/climbs`, { 'if-none-match': etag });
    expect(byId.status).toBe(304);

    // A new climb on one wall: a new tag, and the climb in the list.
    const setter = await t.demoSetter();
    const made = await setter.post<ClimbResponse>(`/layouts/${DEMO_LAYOUTS[0]!.id}/climbs`, {
      name: 'Fresh one',
      grade: 'V2',
    });
    expect(made.status).toBe(201);
    const after = await anon.get<ClimbsResponse>(`/gyms/${DEMO_GYM.id}/climbs`, {
      'if-none-match': etag,
    });
    expect(after.status).toBe(200);
    expect(after.body.climbs.map((c) => c.id)).toContain(made.body.climb.id);
  });

  it('keeps gyms apart, and answers 404 for no gym', async () => {
    const admin = await t.signedIn('admin');
    const other = await admin.api.post<GymResponse>('/gyms', {
      name: 'Quiet Hall',
      timeZone: 'Europe/Vienna',
    });
    expect(other.status).toBe(201);
    const gymId = other.body.gym.id;
    const anon = client(t.app);
    expect((await anon.get<ClimbsResponse>(`/gyms/${gymId}/climbs`)).body.climbs).toEqual([]);
    const wall = await admin.api.post<LayoutResponse>(`/gyms/${gymId}/layouts`, {
      name: 'Only wall',
      gradeSystem: 'V',
    });
    const climb = await admin.api.post<ClimbResponse>(`/layouts/${wall.body.layout.id}/climbs`, {
      name: 'Only climb',
      grade: 'V1',
    });
    const list = (await anon.get<ClimbsResponse>(`/gyms/${gymId}/climbs`)).body.climbs;
    expect(list.map((c) => c.id)).toEqual([climb.body.climb.id]);
    const demo = (await anon.get<ClimbsResponse>(`/gyms/${DEMO_GYM.id}/climbs`)).body.climbs;
    expect(demo.map((c) => c.id)).not.toContain(climb.body.climb.id);
    expect((await anon.get('/gyms/no-such-gym/climbs')).status).toBe(404);
  });
});
