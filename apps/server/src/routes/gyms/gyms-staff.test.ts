import type {
  ErrorBody,
  GymResponse,
  GymsResponse,
  GymStaffResponse,
  MeResponse,
} from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../testing/index.js';
import { admin, anon, made, staffOf, t, useGymsApp } from './gyms.test-kit.js';

// A gym's staff: its admins change the gym and who works there; roles across several gyms.
describe.each(BACKENDS)('gyms on $name', (backend) => {
  useGymsApp(backend);

  it('a gym admin changes the gym and its staff; the last admin cannot go (409)', async () => {
    const gym = made['Kraków Bouldering']!;
    const owner = await staffOf(gym, 'admin');
    const changed = await owner.api.patch<GymResponse>(`/gyms/${gym.id}`, {
      name: 'Kraków Boulders',
      city: null,
      timeZone: 'Europe/Berlin',
    });
    expect(changed.body.gym).toMatchObject({
      name: 'Kraków Boulders',
      city: null,
      timeZone: 'Europe/Berlin',
      myRole: 'admin',
      slug: 'krakow-bouldering',
    });
    // The search follows the name.
    const found = await anon.get<GymsResponse>('/gyms?q=krakow%20boulders');
    expect(found.body.gyms.map((g) => g.id)).toEqual([gym.id]);
    expect((await owner.api.patch(`/gyms/${gym.id}`, { timeZone: 'Mars/Olympus' })).status).toBe(
      400,
    );

    const ana = await t.signedIn('climber');
    const added = await owner.api.put<GymStaffResponse>(`/gyms/${gym.id}/staff`, {
      email: ana.email.toUpperCase(),
      role: 'setter',
    });
    expect(added.status).toBe(200);
    expect(added.body.staff).toEqual([
      { userId: owner.user.id, email: owner.email, name: 'climber', role: 'admin' },
      { userId: ana.user.id, email: ana.email, name: 'climber', role: 'setter' },
    ]);
    expect((await owner.api.get<GymStaffResponse>(`/gyms/${gym.id}/staff`)).body).toEqual(
      added.body,
    );
    // A role holds from the next request: user.role in its v2 meaning, user.staff says where.
    expect((await ana.api.get<MeResponse>('/me')).body.user).toMatchObject({
      role: 'setter',
      staff: [{ gymId: gym.id, role: 'setter' }],
    });
    // A setter may not change the staff or the gym.
    expect((await ana.api.get(`/gyms/${gym.id}/staff`)).status).toBe(403);
    expect((await ana.api.patch(`/gyms/${gym.id}`, { name: 'Mine' })).status).toBe(403);

    const before = await t.catalogueRows();
    for (const role of [null, 'setter']) {
      const last = await owner.api.put<ErrorBody>(`/gyms/${gym.id}/staff`, {
        email: owner.email,
        role,
      });
      expect(last).toMatchObject({ status: 409, body: { error: { code: 'last_gym_admin' } } });
    }
    expect(await t.catalogueRows()).toEqual(before);
    const unknown = await owner.api.put<ErrorBody>(`/gyms/${gym.id}/staff`, {
      email: 'nobody@test.sendlog.app',
      role: 'setter',
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });

    // With a second admin the first may step down; taking Ana off leaves her a climber again.
    await owner.api.put(`/gyms/${gym.id}/staff`, { email: ana.email, role: 'admin' });
    const down = await owner.api.put<GymStaffResponse>(`/gyms/${gym.id}/staff`, {
      email: owner.email,
      role: null,
    });
    expect(down.body.staff.map((s) => s.email)).toEqual([ana.email]);
    await ana.api.put(`/gyms/${gym.id}/staff`, { email: owner.email, role: 'admin' });
    await owner.api.put(`/gyms/${gym.id}/staff`, { email: ana.email, role: null });
    const me = (await ana.api.get<MeResponse>('/me')).body.user;
    expect(me.role).toBe('climber');
    expect(me.staff).toBeUndefined();
  });

  it('PUT /users/role with setter needs a server of one gym: with several it is 400 at role', async () => {
    const climber = await t.signedIn('climber');
    const before = await t.catalogueRows();
    const res = await admin.api.put<ErrorBody>('/users/role', {
      email: climber.email,
      role: 'setter',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details!.map((d) => d.path)).toEqual(['role']);
    expect(await t.catalogueRows()).toEqual(before);
    // admin and climber keep their v2 meaning.
    const made2 = await admin.api.put<MeResponse>('/users/role', {
      email: climber.email,
      role: 'admin',
    });
    expect(made2.body.user.role).toBe('admin');
    const back = await admin.api.put<MeResponse>('/users/role', {
      email: climber.email,
      role: 'climber',
    });
    expect(back.body.user.role).toBe('climber');
  });
});
