import { randomUUID } from 'node:crypto';
import type {
  AuthResponse,
  ClimbResponse,
  ClimbsResponse,
  ErrorBody,
  LayoutResponse,
  MeResponse,
} from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.js';
import { queryRows } from '../../db/sql.js';
import { createGym } from '../../gyms/gym-repository.js';
import { setStaffRole } from '../../gyms/staff-repository.js';
import {
  BACKENDS,
  SERVER_START_TIMEOUT,
  startTestServer,
  type TestServer,
} from '../../testing/index.js';
import { appWithDatabase, type AppWithDatabase } from '../../testing/app-with-database.js';
import { drainCommunityOutbox } from '../../catalogue/community-fold.js';
import { client, newUser } from '../../testing/client.js';

const PASSWORD = 'correct horse battery';

/** Every row anywhere that still names the account, by table. */
async function rowsOf(db: Db, userId: string, email: string): Promise<Record<string, number>> {
  // The community rows as the fold leaves them (it runs off the request path).
  await drainCommunityOutbox(db);
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select
      (select count(*)::int from users where id = ${userId} or email = ${email}) as users,
      (select count(*)::int from climbing_sessions where user_id = ${userId}) as sessions,
      (select count(*)::int from session_routes where user_id = ${userId}) as routes_left,
      (select count(*)::int from community_outbox where user_id = ${userId}) as queued,
      (select count(*)::int from session_routes r
         where not exists (select 1 from climbing_sessions s where s.id = r.session_id)) as orphan_routes,
      (select count(*)::int from route_tombstones t
         where not exists (select 1 from climbing_sessions s where s.id = t.session_id)) as orphan_tombstones,
      (select count(*)::int from climb_climber_stats where user_id = ${userId}) as community_rows,
      (select count(*)::int from gym_staff where user_id = ${userId}) as staff,
      (select count(*)::int from gym_follows where user_id = ${userId}) as follows,
      (select count(*)::int from read_leases where user_id = ${userId}) as read_leases,
      (select count(*)::int from rate_limits
         where key like ${`%${email}`} or key like ${`%${userId}`}) as rate_limits`,
  );
  return row!;
}

describe.each(BACKENDS)('the account on $name', (backend) => {
  let t: AppWithDatabase;
  beforeAll(async () => {
    t = await appWithDatabase(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => t?.close());

  const login = (email: string, password: string) =>
    client(t.app).post<AuthResponse>('/auth/login', { email, password });

  describe('POST /me/password', () => {
    it('answers a new token and revokes every other one, on every device', async () => {
      const me = await t.signedIn('climber');
      const otherDevice = await login(me.email, PASSWORD);
      expect(otherDevice.status).toBe(200);

      const changed = await me.api.post<AuthResponse>('/me/password', {
        currentPassword: PASSWORD,
        newPassword: 'a brand new secret',
      });
      expect(changed).toMatchObject({ status: 200, body: { user: me.user } });

      for (const old of [me.token, otherDevice.body.token]) {
        const res = await client(t.app, old).get<ErrorBody>('/me');
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('unauthorized');
      }
      const fresh = await client(t.app, changed.body.token).get<MeResponse>('/me');
      expect(fresh).toMatchObject({ status: 200, body: { user: me.user } });
      expect((await login(me.email, PASSWORD)).status).toBe(401);
      expect((await login(me.email, 'a brand new secret')).status).toBe(200);
    });

    it('refuses a wrong current password with 403 wrong_password, changing nothing', async () => {
      const me = await t.signedIn('climber');
      const wrong = await me.api.post<ErrorBody>('/me/password', {
        currentPassword: 'not my password',
        newPassword: 'a brand new secret',
      });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.code).toBe('wrong_password');
      expect((await me.api.get('/me')).status).toBe(200);
      expect((await login(me.email, PASSWORD)).status).toBe(200);
    });

    it('validates the body: a new password as at registration, no unknown field', async () => {
      const me = await t.signedIn('climber');
      const bad = await me.api.post<ErrorBody>('/me/password', {
        currentPassword: '',
        newPassword: 'short',
        email: 'x@y.z',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details!.map((d) => d.path).sort()).toEqual([
        'currentPassword',
        'email',
        'newPassword',
      ]);
      expect((await client(t.app).post('/me/password', { currentPassword: PASSWORD })).status).toBe(
        401,
      );
      expect((await login(me.email, PASSWORD)).status).toBe(200);
    });
  });

  describe('DELETE /me', () => {
    const wall = async (grades: string[]) => {
      const setter = await t.demoSetter();
      const layout = (
        await setter.post<LayoutResponse>('/layouts', { name: 'Leaving', gradeSystem: 'V' })
      ).body.layout;
      const ids: string[] = [];
      for (const grade of grades) {
        const res = await setter.post<ClimbResponse>(`/layouts/${layout.id}/climbs`, {
          name: `climb ${ids.length}`,
          grade,
        });
        ids.push(res.body.climb.id);
      }
      return { layoutId: layout.id, ids };
    };

    const log = async (api: ReturnType<typeof client>, climbIds: string[], rating: number) => {
      const res = await api.post('/sessions/offline', {
        clientSessionId: randomUUID(),
        startTime: '2026-11-20T18:00:00.000Z',
        endTime: '2026-11-20T19:00:00.000Z',
        notes: 'private words',
        removedRouteIds: ['gone-1'],
        routes: climbIds.map((climbId, i) => ({
          clientRouteId: `r${i}`,
          climbId,
          isSuccess: true,
          attempts: 1,
          rating,
          gradeOpinion: 'V5',
        })),
      });
      expect(res.status).toBe(201);
    };

    const community = async (layoutId: string) => {
      await drainCommunityOutbox(t.db);
      return (
        await client(t.app).get<ClimbsResponse>(`/layouts/${layoutId}/climbs`)
      ).body.climbs.map((c) => c.community);
    };

    it('deletes everything the account logged in one go; the email registers again, empty', async () => {
      const { layoutId, ids } = await wall(['V3', 'V4']);
      const stays = await t.signedIn('climber');
      const leaves = await t.signedIn('climber');
      await log(stays.api, [ids[0]!], 2);
      await log(leaves.api, ids, 5);
      await log(leaves.api, [ids[1]!], 5);
      const before = await community(layoutId);
      expect(before.map((c) => c.climbers)).toEqual([2, 1]);
      // A failed login leaves a counter keyed by the email.
      expect((await login(leaves.email, 'wrong password')).status).toBe(401);
      // A heavy read whose process died holds a lease until it expires.
      await t.db.execute(
        sql`insert into read_leases (user_id, holder, expires_at)
            values (${leaves.user.id}, ${randomUUID()}, now() + interval '1 minute')`,
      );
      expect(await rowsOf(t.db, leaves.user.id, leaves.email)).toMatchObject({
        users: 1,
        sessions: 2,
        community_rows: 2,
        read_leases: 1,
        rate_limits: 1,
      });

      const deleted = await leaves.api.deleteWithBody('/me', { password: PASSWORD });
      expect(deleted.status).toBe(204);
      expect(deleted.body).toBeUndefined();

      expect(await rowsOf(t.db, leaves.user.id, leaves.email)).toEqual({
        users: 0,
        sessions: 0,
        routes_left: 0,
        queued: 0,
        orphan_routes: 0,
        orphan_tombstones: 0,
        community_rows: 0,
        staff: 0,
        follows: 0,
        read_leases: 0,
        rate_limits: 0,
      });
      // The community numbers are the other climber's alone from the next request on.
      expect(await community(layoutId)).toEqual([
        { grade: 'V5', rating: 2, sends: 1, climbers: 1 },
        { grade: null, rating: null, sends: 0, climbers: 0 },
      ]);
      expect((await leaves.api.get('/sessions')).status).toBe(401);
      expect((await login(leaves.email, PASSWORD)).status).toBe(401);
      // The one who stays keeps everything.
      expect(
        (await stays.api.get<{ sessions: unknown[] }>('/sessions')).body.sessions,
      ).toHaveLength(1);

      const again = await client(t.app).post<AuthResponse>('/auth/register', {
        email: leaves.email,
        password: PASSWORD,
      });
      expect(again.status).toBe(201);
      expect(again.body.user.id).not.toBe(leaves.user.id);
      const fresh = client(t.app, again.body.token);
      expect((await fresh.get<{ sessions: unknown[] }>('/sessions')).body.sessions).toEqual([]);
      const stats = await fresh.get<{ tries: number; sessions: number }>(
        '/stats?from=2026-01-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z',
      );
      expect(stats.body).toMatchObject({ tries: 0, sessions: 0 });
      // The old token names the old account, which is gone: it does not open the new one.
      expect((await leaves.api.get('/me')).status).toBe(401);
    });

    it('refuses a wrong password with 403 wrong_password, deleting nothing', async () => {
      const me = await t.signedIn('climber');
      const { ids } = await wall(['V2']);
      await log(me.api, ids, 3);
      const before = await rowsOf(t.db, me.user.id, me.email);
      const wrong = await me.api.deleteWithBody<ErrorBody>('/me', { password: 'guess' });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.code).toBe('wrong_password');
      const missing = await me.api.deleteWithBody<ErrorBody>('/me', {});
      expect(missing.status).toBe(400);
      expect(missing.body.error.details).toEqual([
        { path: 'password', message: expect.any(String) },
      ]);
      const { rate_limits: _counted, ...kept } = await rowsOf(t.db, me.user.id, me.email);
      const { rate_limits: _before, ...was } = before;
      expect(kept).toEqual(was);
      expect(kept).toMatchObject({ users: 1, sessions: 1, community_rows: 1 });
      expect((await me.api.get('/me')).status).toBe(200);
    });

    it("refuses the server's only admin with 409 last_admin; with a second admin it goes", async () => {
      const first = await t.signedIn('admin');
      const refused = await first.api.deleteWithBody<ErrorBody>('/me', { password: PASSWORD });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('last_admin');
      expect((await first.api.get('/me')).status).toBe(200);

      const second = await t.signedIn('admin');
      // Both at once: one goes, the other is then the last admin.
      const both = await Promise.all(
        [first, second].map((a) => a.api.deleteWithBody<ErrorBody>('/me', { password: PASSWORD })),
      );
      expect(both.map((r) => r.status).sort()).toEqual([204, 409]);
      const [admins] = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from users where role = 'admin'`,
      );
      expect(admins!.n).toBe(1);
    });

    it("refuses a gym's only admin with 409 last_gym_admin; with a second one, staff and follows go", async () => {
      const made = await createGym(t.db, { name: `Leaving gym ${randomUUID()}`, timeZone: 'UTC' });
      if (!made.ok) throw new Error('no gym');
      const owner = await t.signedIn('climber');
      const other = await t.signedIn('climber');
      expect(await setStaffRole(t.db, made.id, owner.email, 'admin')).toBe('changed');
      expect((await owner.api.put(`/me/gyms/${made.id}`)).status).toBe(200);
      expect(await rowsOf(t.db, owner.user.id, owner.email)).toMatchObject({
        staff: 1,
        follows: 1,
      });

      const refused = await owner.api.deleteWithBody<ErrorBody>('/me', { password: PASSWORD });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('last_gym_admin');
      expect(await rowsOf(t.db, owner.user.id, owner.email)).toMatchObject({
        users: 1,
        staff: 1,
        follows: 1,
      });
      // A setter beside them does not count: the gym needs an admin.
      await setStaffRole(t.db, made.id, other.email, 'setter');
      expect((await owner.api.deleteWithBody('/me', { password: PASSWORD })).status).toBe(409);

      await setStaffRole(t.db, made.id, other.email, 'admin');
      expect((await owner.api.deleteWithBody('/me', { password: PASSWORD })).status).toBe(204);
      expect(await rowsOf(t.db, owner.user.id, owner.email)).toMatchObject({
        users: 0,
        staff: 0,
        follows: 0,
      });
      const staff = await other.api.get<{ staff: { email: string }[] }>(`/gyms/${made.id}/staff`);
      expect(staff.body.staff.map((s) => s.email)).toEqual([other.email]);
    });
  });
});

describe.each(BACKENDS)('the password checks are rate limited like login on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { loginRateLimit: { max: 3, timeWindowMs: 60_000 } });
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  it('counts POST /me/password and DELETE /me together, per account', async () => {
    const me = await newUser(server.app);
    const other = await newUser(server.app);
    const guess = (password: string) =>
      me.api.post<ErrorBody>('/me/password', {
        currentPassword: password,
        newPassword: 'a brand new secret',
      });
    expect((await guess('one')).status).toBe(403);
    expect((await me.api.deleteWithBody('/me', { password: 'two' })).status).toBe(403);
    expect((await guess('three')).status).toBe(403);
    const limited = await guess(PASSWORD);
    expect(limited.status).toBe(429);
    expect((limited.body as ErrorBody).error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await me.api.get('/me')).status).toBe(200);
    // Another account is not held back.
    const theirs = await other.api.post<AuthResponse>('/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new secret',
    });
    expect(theirs.status).toBe(200);
  });
});
