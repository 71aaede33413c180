import {
  DEMO_SETTER,
  type AuthResponse,
  type ClimbsResponse,
  type GymsResponse,
  type LayoutsResponse,
} from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '@sendlog/server/testing';
import { http } from './support/http.js';
import {
  MANAGEMENT_ENDPOINTS,
  mint,
  nowSeconds,
  securityStage,
  TEST_TIMEOUT,
} from './support/security.js';

/**
 * Part 5 of issue 5, roles: the catalogue is managed only by its gym's staff, a setter only at
 * their own gym, and what the community sees of a climb names no one.
 */
describe.each(BACKENDS)('security on $name', (backend) => {
  const stage = securityStage(backend);
  const { expectCode, manage, catalogue } = stage;

  it(
    'catalogue management: 401 without a valid token, 403 forbidden for a climber, nothing written',
    { timeout: TEST_TIMEOUT },
    async () => {
      const before = await catalogue();
      const gymId = (await http(stage.url).get<LayoutsResponse>('/layouts')).body.layouts.find(
        (l) => l.id === stage.gym.layoutId,
      )!.gymId!;
      const endpoints = MANAGEMENT_ENDPOINTS(stage.gym.layoutId, stage.gym.climbIds[0]!, gymId);
      const expired = `Bearer ${mint({ sub: stage.alice.user.id, ver: 0, exp: nowSeconds() - 1 })}`;
      for (const [method, path, body] of endpoints) {
        for (const header of [null, 'Bearer', `Bearer ${stage.alice.token}x`, expired]) {
          expectCode(await manage(method, path, body, header), 401, 'unauthorized');
        }
        // Alice and Bob are climbers: signed in, but without the role.
        for (const climber of [stage.alice, stage.bob]) {
          expectCode(await manage(method, path, body, `Bearer ${climber.token}`), 403, 'forbidden');
        }
      }
      // A setter is refused the admin's endpoint, and cannot make themselves admin.
      const login = await http(stage.url).post<AuthResponse>('/auth/login', DEMO_SETTER);
      const asSetter = await manage(
        'PUT',
        '/users/role',
        { email: DEMO_SETTER.email, role: 'admin' },
        `Bearer ${login.body.token}`,
      );
      expectCode(asSetter, 403, 'forbidden');
      expect(
        (await http(stage.url, login.body.token).get<{ user: { role: string } }>('/me')).body.user
          .role,
      ).toBe('setter');
      // A climber cannot give themselves a role through their profile either.
      const promote = await manage(
        'PATCH',
        '/me',
        { role: 'admin' },
        `Bearer ${stage.alice.token}`,
      );
      expectCode(promote, 400, 'validation_failed');
      expect((await stage.alice.api.get<{ user: { role: string } }>('/me')).body.user.role).toBe(
        'climber',
      );
      expect(await catalogue()).toEqual(before);
    },
  );

  it(
    "a gym's setter is refused at another gym: 403 forbidden on every endpoint, nothing written",
    { timeout: TEST_TIMEOUT },
    async () => {
      const anon = http(stage.url);
      const login = await anon.post<AuthResponse>('/auth/login', DEMO_SETTER);
      const setter = `Bearer ${login.body.token}`;
      const own = login.body.user.staff!.map((s) => s.gymId);
      const other = (await anon.get<GymsResponse>('/gyms')).body.gyms.find(
        (g) => !own.includes(g.id),
      )!;
      const [wall] = (await anon.get<LayoutsResponse>(`/gyms/${other.id}/layouts`)).body.layouts;
      const [climb] = (await anon.get<ClimbsResponse>(`/layouts/${wall!.id}/climbs`)).body.climbs;
      const before = await catalogue();
      for (const [method, path, body] of MANAGEMENT_ENDPOINTS(wall!.id, climb!.id, other.id)) {
        expectCode(await manage(method, path, body, setter), 403, 'forbidden');
      }
      expect(await catalogue()).toEqual(before);
    },
  );

  it(
    'the community view of a climb tells nothing of who logged it, and PATCH /me touches only the caller',
    { timeout: TEST_TIMEOUT },
    async () => {
      const climbs = await http(stage.url).get<ClimbsResponse>(
        `/layouts/${stage.gym.layoutId}/climbs`,
      );
      const text = JSON.stringify(climbs.body);
      for (const secret of [
        stage.alice.user.id,
        stage.alice.email,
        stage.bob.user.id,
        'alice only',
        stage.aliceSession.id,
      ]) {
        expect(text).not.toContain(secret);
      }
      // Alice's session (3 routes) shows only as counts.
      const logged = climbs.body.climbs.filter((c) => c.community.climbers > 0);
      expect(logged.length).toBeGreaterThan(0);
      for (const c of logged) {
        expect(Object.keys(c.community).sort()).toEqual(['climbers', 'grade', 'rating', 'sends']);
      }
      const bobBefore = (await stage.bob.api.get<{ user: unknown }>('/me')).body.user;
      const renamed = await manage(
        'PATCH',
        '/me',
        { name: 'Mallory' },
        `Bearer ${stage.alice.token}`,
      );
      expect(renamed.status).toBe(200);
      expect((await stage.bob.api.get<{ user: unknown }>('/me')).body.user).toEqual(bobBefore);
      await manage('PATCH', '/me', { name: 'alice' }, `Bearer ${stage.alice.token}`);
    },
  );
});
