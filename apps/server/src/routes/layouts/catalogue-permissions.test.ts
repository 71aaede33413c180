import type { ClimbsResponse, ErrorBody } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../testing/index.js';
import {
  anon,
  etagOf,
  MAIN_WALL,
  PNG,
  setter,
  t,
  UNKNOWN,
  useCatalogueApp,
  type Api,
} from './catalogue.test-kit.js';

// Who may change the catalogue: setters and admins only, checked before anything else.
describe.each(BACKENDS)('catalogue management on $name', (backend) => {
  useCatalogueApp(backend);

  it('a climber (and an anonymous caller) can manage nothing: 403 / 401, nothing written', async () => {
    const { api: climber } = await t.signedIn('climber');
    const climbs = await anon.get<ClimbsResponse>(`/layouts/${MAIN_WALL}/climbs`);
    const climbId = climbs.body.climbs[0]!.id;
    const before = await t.catalogueRows();
    const tags = [await etagOf('/layouts'), await etagOf(`/layouts/${MAIN_WALL}/climbs`)];
    const calls: [string, (api: Api) => Promise<{ status: number; body: unknown }>][] = [
      ['POST /layouts', (api) => api.post('/layouts', { name: 'Mine', gradeSystem: 'V' })],
      ['PATCH /layouts/:id', (api) => api.patch(`/layouts/${MAIN_WALL}`, { archived: true })],
      [
        'PUT /layouts/:id/image',
        (api) => api.putBytes(`/layouts/${MAIN_WALL}/image`, PNG, 'image/png'),
      ],
      [
        'POST /layouts/:id/climbs',
        (api) => api.post(`/layouts/${MAIN_WALL}/climbs`, { name: 'Mine', grade: 'V3' }),
      ],
      ['PATCH /climbs/:id', (api) => api.patch(`/climbs/${climbId}`, { grade: 'V9' })],
      [
        'POST /layouts/:id/reset',
        (api) =>
          api.post(`/layouts/${MAIN_WALL}/reset`, {
            climbs: [{ name: 'Mine', grade: 'V1' }],
            archiveOthers: true,
          }),
      ],
      ['PUT /users/role', (api) => api.put('/users/role', { email: 'x@y.z', role: 'admin' })],
      // Even a malformed body or an unknown id: the role is checked first.
      ['POST /layouts (bad body)', (api) => api.post('/layouts', { nope: 1 })],
      ['PATCH /climbs/:id (unknown)', (api) => api.patch(`/climbs/${UNKNOWN}`, { name: 'x' })],
    ];
    for (const [what, call] of calls) {
      const asClimber = await call(climber);
      expect(asClimber.status, what).toBe(403);
      expect((asClimber.body as ErrorBody).error.code, what).toBe('forbidden');
      const asAnon = await call(anon);
      expect(asAnon.status, what).toBe(401);
      expect((asAnon.body as ErrorBody).error.code, what).toBe('unauthorized');
    }
    // A setter is no admin either.
    const asSetter = await setter.put<ErrorBody>('/users/role', { email: 'x@y.z', role: 'admin' });
    expect(asSetter).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await t.catalogueRows()).toEqual(before);
    expect([await etagOf('/layouts'), await etagOf(`/layouts/${MAIN_WALL}/climbs`)]).toEqual(tags);
  });
});
