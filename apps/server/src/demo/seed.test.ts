import {
  DEMO_ACCOUNT,
  DEMO_SETTER,
  type AuthResponse,
  type GymsResponse,
  type LayoutsResponse,
  type MeResponse,
} from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readGymFile } from '../catalogue/gym-file.js';
import { importGym } from '../catalogue/gym-import.js';
import { createGym } from '../gyms/gym-repository.js';
import { startServer } from '../index.js';
import { BACKENDS, openMigratedDatabase, SERVER_START_TIMEOUT } from '../testing/index.js';
import { client } from '../testing/client.js';
import {
  DEMO_GYM,
  DEMO_LAYOUTS,
  SECOND_DEMO_CLIMBS,
  SECOND_DEMO_GYM,
  SECOND_DEMO_LAYOUTS,
} from './gym.js';
import { seedDemo } from './seed.js';
import { queryRows } from '../db/sql.js';

describe('demo mode', () => {
  it(
    'has two gyms; the demo climber follows the first, the demo setter sets there only',
    async () => {
      const server = await startServer({ dataDir: 'memory://', demo: true, logger: false });
      try {
        const anon = client(server.app);
        const gyms = (await anon.get<GymsResponse>('/gyms')).body.gyms;
        expect(gyms.map((g) => [g.id, g.name, g.layoutCount])).toEqual([
          [SECOND_DEMO_GYM.id, 'Boulderwerk Zürich', 1],
          [DEMO_GYM.id, 'Sendlog demo gym', 2],
        ]);
        expect(gyms[0]!.climbCount).toBe(SECOND_DEMO_CLIMBS.length);
        // The second gym's wall has a picture of its own.
        const walls = (await anon.get<LayoutsResponse>(`/gyms/${SECOND_DEMO_GYM.slug}/layouts`))
          .body.layouts;
        expect(walls.map((l) => l.id)).toEqual(SECOND_DEMO_LAYOUTS.map((l) => l.id));
        const picture = await server.app.inject({ method: 'GET', url: walls[0]!.image!.url });
        expect([picture.statusCode, picture.headers['content-type']]).toEqual([200, 'image/png']);

        const login = async (account: { email: string; password: string }) => {
          const res = await anon.post<AuthResponse>('/auth/login', account);
          return { user: res.body.user, api: client(server.app, res.body.token) };
        };
        const climber = await login(DEMO_ACCOUNT);
        const mine = (await climber.api.get<GymsResponse>('/me/gyms')).body.gyms;
        expect(mine.map((g) => [g.id, g.following])).toEqual([[DEMO_GYM.id, true]]);
        const layouts = (await climber.api.get<LayoutsResponse>('/layouts')).body.layouts;
        expect(layouts.map((l) => l.id).sort()).toEqual(DEMO_LAYOUTS.map((l) => l.id).sort());

        const setter = await login(DEMO_SETTER);
        expect(setter.user).toMatchObject({
          role: 'setter',
          staff: [{ gymId: DEMO_GYM.id, role: 'setter' }],
        });
        const theirs = await setter.api.patch(`/layouts/${SECOND_DEMO_LAYOUTS[0]!.id}`, {
          name: 'Mine now',
        });
        expect(theirs.status).toBe(403);
        const ours = await setter.api.patch(`/layouts/${DEMO_LAYOUTS[0]!.id}`, { name: 'Ours' });
        expect(ours.status).toBe(200);
        expect((await climber.api.get<MeResponse>('/me')).body.user.role).toBe('climber');
      } finally {
        await server.close();
      }
    },
    SERVER_START_TIMEOUT,
  );
});

describe.each(BACKENDS)('the demo seed on $name', (backend) => {
  it(
    'keeps the gym of an upgraded demo database as the demo gym, adding no second copy',
    async () => {
      const { database, close } = await openMigratedDatabase(backend, { seed: false });
      try {
        // A demo database from before gyms, upgraded: its walls are in the one gym it became.
        const upgraded = await createGym(database.db, { name: 'My gym', timeZone: 'UTC' });
        if (!upgraded.ok) throw new Error('no gym');
        await importGym(database.db, await readGymFile(DEMO_GYM.dir), { gymId: upgraded.id });
        for (let start = 0; start < 2; start += 1) await seedDemo(database.db);
        const rows = await queryRows<{ gym_id: string; n: number }>(
          database.db,
          sql`select gym_id, count(*)::int as n from layouts group by gym_id order by n desc`,
        );
        expect(rows).toEqual([
          { gym_id: upgraded.id, n: DEMO_LAYOUTS.length },
          { gym_id: SECOND_DEMO_GYM.id, n: SECOND_DEMO_LAYOUTS.length },
        ]);
      } finally {
        await close();
      }
    },
    SERVER_START_TIMEOUT,
  );
});
