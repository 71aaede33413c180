import type {
  ClimbResponse,
  ErrorBody,
  Gym,
  GymResponse,
  GymsResponse,
  GymStaffResponse,
  LayoutResponse,
  LayoutsResponse,
  MeResponse,
  StatsResponse,
} from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GYM, DEMO_LAYOUTS } from '../../demo/gym.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../../testing/index.js';
import { appWithDatabase, type AppWithDatabase } from '../../testing/app-with-database.js';
import { client } from '../../testing/client.js';
import { climbId } from '../../testing/fixtures.js';
import { ingest } from '../../testing/logbook-history.js';

type Api = ReturnType<typeof client>;
type SignedIn = Awaited<ReturnType<AppWithDatabase['signedIn']>>;

describe.each(BACKENDS)('gyms on $name', (backend) => {
  let t: AppWithDatabase;
  let admin: SignedIn;
  let anon: Api;
  /** Gyms this suite made, by name. */
  const made: Record<string, Gym> = {};

  beforeAll(async () => {
    t = await appWithDatabase(backend);
    admin = await t.signedIn('admin');
    anon = client(t.app);
    for (const body of [
      { name: 'Boulderwerk', city: 'Zürich', country: 'CH', timeZone: 'Europe/Zurich' },
      { name: 'Kraków Bouldering', city: 'Kraków', timeZone: 'Europe/Warsaw', gradeSystem: 'Font' },
      { name: 'Zurich Heights', slug: 'heights', timeZone: 'Europe/Zurich' },
      { name: 'Closed Hall', city: 'Zürich', timeZone: 'Europe/Zurich' },
    ]) {
      const res = await admin.api.post<GymResponse>('/gyms', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      made[body.name] = res.body.gym;
    }
    const closed = made['Closed Hall']!;
    expect((await admin.api.patch(`/gyms/${closed.id}`, { archived: true })).status).toBe(200);
  }, SERVER_START_TIMEOUT);
  afterAll(() => t?.close());

  /** A new account made `role` of `gym` by the server admin. */
  async function staffOf(gym: { id: string }, role: 'admin' | 'setter'): Promise<SignedIn> {
    const account = await t.signedIn('climber');
    const res = await admin.api.put(`/gyms/${gym.id}/staff`, { email: account.email, role });
    expect(res.status).toBe(200);
    return account;
  }

  it('a server admin creates gyms: slugs made from names, unique; a taken slug is 409', async () => {
    expect(made.Boulderwerk).toEqual({
      id: expect.any(String),
      slug: 'boulderwerk',
      name: 'Boulderwerk',
      city: 'Zürich',
      country: 'CH',
      timeZone: 'Europe/Zurich',
      gradeSystem: 'V',
      layoutCount: 0,
      climbCount: 0,
      archived: false,
      following: false,
      myRole: null,
    });
    expect(made['Kraków Bouldering']).toMatchObject({
      slug: 'krakow-bouldering',
      gradeSystem: 'Font',
    });
    expect(made['Zurich Heights']!.slug).toBe('heights');
    const again = await admin.api.post<GymResponse>('/gyms', {
      name: 'Boulderwerk',
      timeZone: 'UTC',
    });
    expect(again.body.gym.slug).toBe('boulderwerk-2');
    const before = await t.catalogueRows();
    const taken = await admin.api.post<ErrorBody>('/gyms', {
      name: 'Copy',
      slug: 'heights',
      timeZone: 'UTC',
    });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'slug_taken' } } });
    const bad = await admin.api.post<ErrorBody>('/gyms', {
      name: ' ',
      slug: 'No Caps',
      timeZone: '+01:00',
      gradeSystem: 'YDS',
      owner: 'me',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details!.map((d) => d.path).sort()).toEqual([
      'gradeSystem',
      'name',
      'owner',
      'slug',
      'timeZone',
    ]);
    const uuidSlug = await admin.api.post<ErrorBody>('/gyms', {
      name: 'Sneaky',
      slug: '00000000-0000-4000-8000-000000000000',
      timeZone: 'UTC',
    });
    expect(uuidSlug.body.error.details).toEqual([
      { path: 'slug', message: 'must not look like a gym id' },
    ]);
    expect(await t.catalogueRows()).toEqual(before);
    // Only a server admin: not a gym's admin, not a climber, not nobody.
    const gymAdmin = await staffOf(made.Boulderwerk!, 'admin');
    for (const api of [gymAdmin.api, (await t.signedIn('climber')).api]) {
      expect((await api.post('/gyms', { name: 'Mine', timeZone: 'UTC' })).status).toBe(403);
    }
    expect((await anon.post('/gyms', { name: 'Mine', timeZone: 'UTC' })).status).toBe(401);
  });

  it('GET /gyms?q= finds name or city ignoring case and accents, by name, archived left out', async () => {
    const names = async (q: string) =>
      (await anon.get<GymsResponse>(`/gyms?q=${encodeURIComponent(q)}`)).body.gyms.map(
        (g) => g.name,
      );
    // "zurich" finds the city Zürich and the name Zurich; the archived hall in Zürich is left out.
    expect(await names('zurich')).toEqual(['Boulderwerk', 'Zurich Heights']);
    expect(await names('ZÜRICH')).toEqual(['Boulderwerk', 'Zurich Heights']);
    expect(await names('krakow')).toEqual(['Kraków Bouldering']);
    expect(await names('  KRAKÓW ')).toEqual(['Kraków Bouldering']);
    expect(await names('ouldering')).toEqual(['Kraków Bouldering']);
    expect(await names('nowhere at all')).toEqual([]);
    // No q: every gym not archived, by name.
    const all = await names('');
    expect(all).toEqual([...all].sort((a, b) => a.localeCompare(b)));
    expect(all).toEqual(expect.arrayContaining(['Sendlog demo gym', 'Boulderwerk']));
    expect(all).not.toContain('Closed Hall');
    const bad = await anon.get<ErrorBody>(`/gyms?q=${'x'.repeat(101)}&sort=name`);
    expect(bad.body.error.details!.map((d) => d.path).sort()).toEqual(['q', 'sort']);
  });

  it("GET /gyms/:idOrSlug answers the gym, its counts and the caller's following and role", async () => {
    const demo = await anon.get<GymResponse>(`/gyms/${DEMO_GYM.slug}`);
    expect(demo.status).toBe(200);
    expect(demo.body.gym).toMatchObject({
      id: DEMO_GYM.id,
      name: DEMO_GYM.name,
      timeZone: 'Europe/Berlin',
      following: false,
      myRole: null,
    });
    // Two walls, their climbs up (the archived one is not).
    expect(demo.body.gym.layoutCount).toBe(2);
    const climbs = await Promise.all(
      DEMO_LAYOUTS.map((l) =>
        anon.get<{ climbs: { archived: boolean }[] }>(`/layouts/${l.id}/climbs`),
      ),
    );
    expect(demo.body.gym.climbCount).toBe(
      climbs.flatMap((c) => c.body.climbs).filter((c) => !c.archived).length,
    );
    expect((await anon.get<GymResponse>(`/gyms/${DEMO_GYM.id}`)).body).toEqual(demo.body);
    expect((await anon.get<GymResponse>(`/gyms/${DEMO_GYM.slug.toUpperCase()}`)).body).toEqual(
      demo.body,
    );
    const setter = await t.demoSetter();
    expect((await setter.get<GymResponse>(`/gyms/${DEMO_GYM.slug}`)).body.gym.myRole).toBe(
      'setter',
    );
    for (const unknown of ['no-such-gym', '00000000-0000-4000-8000-000000000000', 'x']) {
      expect((await anon.get(`/gyms/${unknown}`)).status, unknown).toBe(404);
    }
    // A stale token reads as nobody signed in, as the catalogue always did.
    const stale = client(t.app, 'v1.not-a-token');
    expect((await stale.get<GymResponse>(`/gyms/${DEMO_GYM.slug}`)).status).toBe(200);
  });

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

  it("POST /layouts: the named gym, the caller's one gym or the only one; else 400 at gymId", async () => {
    const gym = made.Boulderwerk!;
    const setter = await staffOf(gym, 'setter');
    const into = await setter.api.post<LayoutResponse>('/layouts', {
      name: 'Own',
      gradeSystem: 'V',
    });
    expect(into.body.layout.gymId).toBe(gym.id);
    const named = await setter.api.post<LayoutResponse>('/layouts', {
      name: 'Named',
      gradeSystem: 'Font',
      gymId: gym.id.toUpperCase(),
    });
    expect(named.body.layout.gymId).toBe(gym.id);
    // Staff of two gyms, or a server admin on a server of several: the wall could go anywhere.
    await admin.api.put(`/gyms/${made['Zurich Heights']!.id}/staff`, {
      email: setter.email,
      role: 'setter',
    });
    const before = await t.catalogueRows();
    for (const api of [setter.api, admin.api]) {
      const res = await api.post<ErrorBody>('/layouts', { name: 'Where?', gradeSystem: 'V' });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([
        { path: 'gymId', message: 'is required: the wall could go into more than one gym' },
      ]);
    }
    const unknown = await admin.api.post<ErrorBody>('/layouts', {
      name: 'Nowhere',
      gradeSystem: 'V',
      gymId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.body.error.details).toEqual([
      { path: 'gymId', message: 'must name an existing gym' },
    ]);
    const notAnId = await admin.api.post<ErrorBody>('/layouts', {
      name: 'x',
      gradeSystem: 'V',
      gymId: 'abc',
    });
    expect(notAnId.body.error.details).toEqual([{ path: 'gymId', message: 'must be a gym id' }]);
    expect(await t.catalogueRows()).toEqual(before);
    const byAdmin = await admin.api.post<LayoutResponse>('/layouts', {
      name: 'Admin wall',
      gradeSystem: 'V',
      gymId: gym.id,
    });
    expect(byAdmin.status).toBe(201);
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

  it("a climb's removalPlannedAt is set on create and patch, cleared by null, checked as a date", async () => {
    const setter = await t.demoSetter();
    const wall = DEMO_LAYOUTS[0]!.id;
    const created = await setter.post<ClimbResponse>(`/layouts/${wall}/climbs`, {
      name: 'Up until',
      grade: 'V3',
      removalPlannedAt: '2027-02-28',
    });
    expect(created.body.climb.removalPlannedAt).toBe('2027-02-28');
    const id = created.body.climb.id;
    const moved = await setter.patch<ClimbResponse>(`/climbs/${id}`, {
      removalPlannedAt: '2027-03-01',
    });
    expect(moved.body.climb.removalPlannedAt).toBe('2027-03-01');
    const listed = await anon.get<{ climbs: { id: string; removalPlannedAt: string | null }[] }>(
      `/layouts/${wall}/climbs`,
    );
    expect(listed.body.climbs.find((c) => c.id === id)!.removalPlannedAt).toBe('2027-03-01');
    const cleared = await setter.patch<ClimbResponse>(`/climbs/${id}`, { removalPlannedAt: null });
    expect(cleared.body.climb.removalPlannedAt).toBeNull();
    for (const bad of ['2027-02-30', 'soon', '2027-02-28T00:00:00Z']) {
      const res = await setter.patch<ErrorBody>(`/climbs/${id}`, { removalPlannedAt: bad });
      expect(res.status, bad).toBe(400);
      expect(res.body.error.details!.map((d) => d.path)).toEqual(['removalPlannedAt']);
    }
  });

  it("GET /stats?gymId= counts the sessions at that gym's walls only", async () => {
    const gym = made.Boulderwerk!;
    const wall = await admin.api.post<LayoutResponse>(`/gyms/${gym.id}/layouts`, {
      name: 'Stats wall',
    });
    const climb = await admin.api.post<ClimbResponse>(`/layouts/${wall.body.layout.id}/climbs`, {
      name: 'Far away',
      grade: 'V8',
    });
    const climber = await t.signedIn('climber');
    await ingest(climber.api, [
      { start: '2026-11-02T18:00:00Z', tries: [{ climbId: climbId(0), sent: true }] },
      {
        start: '2026-11-03T18:00:00Z',
        tries: [{ climbId: climbId(1) }, { climbId: climbId(2), sent: true }],
      },
      {
        start: '2026-11-04T18:00:00Z',
        layoutId: wall.body.layout.id,
        tries: [{ climbId: climb.body.climb.id, sent: true, attempts: 3 }],
      },
    ]);
    const period = 'from=2026-11-01T00%3A00%3A00Z&to=2026-11-08T00%3A00%3A00Z';
    const all = await climber.api.get<StatsResponse>(`/stats?${period}`);
    const demo = await climber.api.get<StatsResponse>(`/stats?${period}&gymId=${DEMO_GYM.id}`);
    const theirs = await climber.api.get<StatsResponse>(`/stats?${period}&gymId=${gym.id}`);
    expect([all.body.sessions, demo.body.sessions, theirs.body.sessions]).toEqual([3, 2, 1]);
    expect([all.body.tries, demo.body.tries, theirs.body.tries]).toEqual([4, 3, 1]);
    expect(theirs.body.hardestSend).toMatchObject({ grade: 'V8', climbName: 'Far away' });
    expect(demo.body.hardestSend?.grade).not.toBe('V8');
    const unknown = await climber.api.get<ErrorBody>(
      `/stats?${period}&gymId=00000000-0000-4000-8000-000000000000`,
    );
    expect(unknown.body.error.details!.map((d) => d.path)).toEqual(['gymId']);
  });
});
