import type { GymResponse, GymsResponse, LayoutResponse, LayoutsResponse } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { DEMO_GYM, DEMO_LAYOUTS } from '../../demo/gym.js';
import { BACKENDS } from '../../testing/index.js';
import { admin, anon, made, t, useGymsApp, type Api } from './gyms.test-kit.js';

// Following gyms, and the walls GET /layouts shows for what a climber follows or staffs.
describe.each(BACKENDS)('gyms on $name', (backend) => {
  useGymsApp(backend);

  it('follows: PUT and DELETE /me/gyms/:id are idempotent; GET /me/gyms lists followed and staffed', async () => {
    const climber = await t.signedIn('climber');
    expect((await climber.api.get<GymsResponse>('/me/gyms')).body.gyms).toEqual([]);
    const gym = made.Boulderwerk!;
    for (let i = 0; i < 2; i += 1) {
      const followed = await climber.api.put<GymResponse>(`/me/gyms/${gym.id}`);
      expect(followed.status).toBe(200);
      expect(followed.body.gym).toMatchObject({ id: gym.id, following: true, myRole: null });
    }
    const mine = await climber.api.get<GymsResponse>('/me/gyms');
    expect(mine.body.gyms.map((g) => [g.id, g.following])).toEqual([[gym.id, true]]);
    for (let i = 0; i < 2; i += 1) {
      expect((await climber.api.delete(`/me/gyms/${gym.id}`)).status).toBe(204);
    }
    expect((await climber.api.get<GymsResponse>('/me/gyms')).body.gyms).toEqual([]);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await climber.api.put(`/me/gyms/${unknown}`)).status).toBe(404);
    expect((await climber.api.delete(`/me/gyms/${unknown}`)).status).toBe(404);
    expect((await anon.get('/me/gyms')).status).toBe(401);
    // A gym's staff find it among their gyms without following it.
    const setter = await t.demoSetter();
    const staffed = await setter.get<GymsResponse>('/me/gyms');
    expect(staffed.body.gyms.map((g) => [g.id, g.following, g.myRole])).toEqual([
      [DEMO_GYM.id, false, 'setter'],
    ]);
  });

  it("GET /layouts: the walls of followed and staffed gyms; every gym's for one who has none", async () => {
    const gym = made['Zurich Heights']!;
    const res = await admin.api.post<LayoutResponse>(`/gyms/${gym.id}/layouts`, {
      name: 'Heights wall',
    });
    expect(res.body.layout).toMatchObject({ gymId: gym.id, gradeSystem: 'V', climbCount: 0 });
    const wall = res.body.layout.id;
    const ids = async (api: Api) =>
      (await api.get<LayoutsResponse>('/layouts')).body.layouts.map((l) => l.id).sort();
    const everything = await ids(anon);
    expect(everything).toEqual(expect.arrayContaining([wall, ...DEMO_LAYOUTS.map((l) => l.id)]));
    const newcomer = await t.signedIn('climber');
    expect(await ids(newcomer.api)).toEqual(everything);
    await newcomer.api.put(`/me/gyms/${gym.id}`);
    expect(await ids(newcomer.api)).toEqual([wall]);
    await newcomer.api.put(`/me/gyms/${DEMO_GYM.id}`);
    expect(await ids(newcomer.api)).toEqual([wall, ...DEMO_LAYOUTS.map((l) => l.id)].sort());
    // The demo setter staffs the demo gym and follows none: its walls only.
    expect(await ids(await t.demoSetter())).toEqual(DEMO_LAYOUTS.map((l) => l.id).sort());

    // One gym's walls, with an ETag; a new wall changes it.
    const url = `/gyms/${gym.slug}/layouts`;
    const first = await anon.get<LayoutsResponse>(url);
    expect(first.body.layouts.map((l) => l.id)).toEqual([wall]);
    const tag = first.headers.etag as string;
    expect((await anon.get(url, { 'if-none-match': tag })).status).toBe(304);
    await admin.api.post(`/gyms/${gym.id}/layouts`, { name: 'Second', gradeSystem: 'Font' });
    expect((await anon.get(url, { 'if-none-match': tag })).status).toBe(200);
    expect((await anon.get(`/gyms/no-such-gym/layouts`)).status).toBe(404);
    const counted = await anon.get<GymResponse>(`/gyms/${gym.id}`);
    expect(counted.body.gym.layoutCount).toBe(2);
  });
});
