import type { ErrorBody, GymResponse, GymsResponse } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { DEMO_GYM, DEMO_LAYOUTS } from '../../demo/gym.js';
import { BACKENDS } from '../../testing/index.js';
import { client } from '../../testing/client.js';
import { admin, anon, made, staffOf, t, useGymsApp } from './gyms.test-kit.js';

// Gyms made by a server admin, found by name or city, and read by id or slug.
describe.each(BACKENDS)('gyms on $name', (backend) => {
  useGymsApp(backend);

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
});
