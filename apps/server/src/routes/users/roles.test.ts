import {
  DEMO_ACCOUNT,
  DEMO_SETTER,
  type AuthResponse,
  type ErrorBody,
  type MeResponse,
} from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, SERVER_START_TIMEOUT } from '../../testing/index.js';
import { appWithDatabase, type AppWithDatabase } from '../../testing/app-with-database.js';
import { client } from '../../testing/client.js';

describe.each(BACKENDS)('roles and the profile on $name', (backend) => {
  let t: AppWithDatabase;
  beforeAll(async () => {
    t = await appWithDatabase(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => t?.close());

  it('GET /me, register and login answer the role and grade system', async () => {
    const { user, api, email } = await t.signedIn('climber');
    expect(user).toMatchObject({ role: 'climber', gradeSystem: 'V' });
    expect((await api.get<MeResponse>('/me')).body.user).toEqual(user);
    const login = await client(t.app).post<AuthResponse>('/auth/login', {
      email,
      password: 'correct horse battery',
    });
    expect(login.body.user).toEqual(user);
    for (const [account, role] of [
      [DEMO_ACCOUNT, 'climber'],
      [DEMO_SETTER, 'setter'],
    ] as const) {
      const demo = await client(t.app).post<AuthResponse>('/auth/login', account);
      expect(demo.body.user.role).toBe(role);
    }
  });

  it('PATCH /me changes the name and grade system, and nothing else', async () => {
    const { user, api } = await t.signedIn('climber');
    const font = await api.patch<MeResponse>('/me', { gradeSystem: 'Font' });
    expect(font).toMatchObject({ status: 200, body: { user: { ...user, gradeSystem: 'Font' } } });
    const named = await api.patch<MeResponse>('/me', { name: '  Ana  ' });
    expect(named.body.user).toEqual({ ...user, gradeSystem: 'Font', name: 'Ana' });
    expect((await api.patch<MeResponse>('/me', {})).body.user).toEqual(named.body.user);
    expect((await api.get<MeResponse>('/me')).body.user).toEqual(named.body.user);
    const bad = await api.patch<ErrorBody>('/me', { gradeSystem: 'YDS', role: 'admin', name: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details!.map((d) => d.path).sort()).toEqual([
      'gradeSystem',
      'name',
      'role',
    ]);
    expect((await api.get<MeResponse>('/me')).body.user).toEqual(named.body.user);
    expect((await client(t.app).patch('/me', { name: 'x' })).status).toBe(401);
  });

  it('an admin grants roles by email; the new role holds at once', async () => {
    const admin = await t.signedIn('admin');
    const { user, api, email } = await t.signedIn('climber');
    expect((await api.post('/layouts', { name: 'x', gradeSystem: 'V' })).status).toBe(403);
    const granted = await admin.api.put<MeResponse>('/users/role', {
      email: email.toUpperCase(),
      role: 'setter',
    });
    expect(granted).toMatchObject({ status: 200, body: { user: { ...user, role: 'setter' } } });
    expect((await api.get<MeResponse>('/me')).body.user.role).toBe('setter');
    expect((await api.post('/layouts', { name: 'Mine now', gradeSystem: 'V' })).status).toBe(201);
    const unknown = await admin.api.put<ErrorBody>('/users/role', {
      email: 'nobody@test.sendlog.app',
      role: 'admin',
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const bad = await admin.api.put<ErrorBody>('/users/role', { email, role: 'owner' });
    expect(bad.body.error.details).toEqual([
      { path: 'role', message: 'must be one of climber, setter, admin' },
    ]);
    // A setter and a climber are refused, whatever they ask.
    for (const caller of [api, (await t.signedIn('climber')).api]) {
      const res = await caller.put<ErrorBody>('/users/role', { email, role: 'admin' });
      expect(res).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    }
    expect((await api.get<MeResponse>('/me')).body.user.role).toBe('setter');
  });

  it('keeps at least one admin: the last one cannot lose the role, 409 last_admin', async () => {
    // A database of its own: the suite's makes admins in every test.
    const own = await appWithDatabase(backend);
    try {
      const first = await own.signedIn('admin');
      const alone = await first.api.put<ErrorBody>('/users/role', {
        email: first.email,
        role: 'climber',
      });
      expect(alone).toMatchObject({
        status: 409,
        body: { error: { code: 'last_admin', details: [{ path: 'email' }] } },
      });
      expect((await first.api.get<MeResponse>('/me')).body.user.role).toBe('admin');

      const second = await own.signedIn('climber');
      expect(
        (await first.api.put('/users/role', { email: second.email, role: 'admin' })).status,
      ).toBe(200);
      // Two admins demoting each other at once: one of them stays (the other is refused as the
      // last admin, or is no admin any more by the time its request is checked).
      const crossed = await Promise.all([
        first.api.put<ErrorBody>('/users/role', { email: second.email, role: 'setter' }),
        second.api.put<ErrorBody>('/users/role', { email: first.email, role: 'setter' }),
      ]);
      const statuses = crossed.map((r) => r.status).sort();
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      const roleOf = async (a: typeof first) => (await a.api.get<MeResponse>('/me')).body.user.role;
      expect([await roleOf(first), await roleOf(second)].sort()).toEqual(['admin', 'setter']);
      // Another admin first, then the role can go.
      const survivor = (await roleOf(first)) === 'admin' ? first : second;
      const third = await own.signedIn('admin');
      expect(
        (await survivor.api.put('/users/role', { email: survivor.email, role: 'climber' })).status,
      ).toBe(200);
      expect((await third.api.get<MeResponse>('/me')).body.user.role).toBe('admin');
    } finally {
      await own.close();
    }
  });
});
