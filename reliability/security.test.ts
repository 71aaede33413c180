import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import {
  DEMO_SETTER,
  errorBodySchema,
  type ClimbsResponse,
  type LayoutsResponse,
  type AuthResponse,
  type BulkResponse,
  type GymsResponse,
  type OfflineResponse,
  type Session,
  type SessionsPage,
} from '@sendlog/contract';
import { startServer, type RunningServer } from '@sendlog/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type TestDatabase } from '@sendlog/server/testing';
import {
  allSessions,
  demoGym,
  http,
  register,
  snapshot,
  TEST_PASSWORD,
  type Answer,
  type Climber,
} from './support/http.js';

/**
 * Part 5 of issue 5: tokens (none, malformed, tampered, expired, revoked, another user's) on every
 * session endpoint; a user can never read or write another user's session, even knowing its
 * clientSessionId; login is rate-limited; passwords and tokens never reach the logs.
 */
/** Bounds, not speed targets: generous so two busy cores running the whole suite never flake. */
const TEST_TIMEOUT = 120_000;
const SETUP_TIMEOUT = 180_000;
const SECRET = `reliability-${randomUUID()}`;
const b64 = (s: string) => Buffer.from(s).toString('base64url');
/**
 * Mints a token in the server's format (apps/server/src/auth/tokens.ts) with the secret the test
 * gave the server, so an expiry in the past can be made. A control mint with a future expiry
 * must be accepted, which proves the format is right and the expired case fails for its expiry.
 */
function mint(claims: { sub: string; ver: number; exp: number }, secret = SECRET): string {
  const data = `v1.${b64(JSON.stringify(claims))}`;
  return `${data}.${createHmac('sha256', secret).update(data).digest('base64url')}`;
}
const nowSeconds = () => Math.floor(Date.now() / 1000);

const SESSION_ENDPOINTS = (sessionId: string) =>
  [
    ['GET', '/me'],
    ['GET', '/sessions'],
    ['GET', '/sessions?updatedSince='],
    ['GET', `/sessions/${sessionId}`],
    ['POST', '/sessions/offline'],
    ['POST', '/sessions/sync'],
    ['POST', '/sessions/sync/bulk'],
    ['DELETE', `/sessions/${sessionId}`],
  ] as const;

/**
 * Every endpoint that needs a gym's staff (a setter, or for the gym's settings and staff its
 * admin) or a server admin (the last two), with a body it would take.
 */
const MANAGEMENT_ENDPOINTS = (layoutId: string, climbId: string, gymId: string) =>
  [
    ['POST', '/layouts', { name: 'Hostile wall', gradeSystem: 'V', gymId }],
    ['PATCH', `/layouts/${layoutId}`, { name: 'Hostile name', archived: true }],
    ['POST', `/layouts/${layoutId}/climbs`, { name: 'Hostile climb', grade: 'V1' }],
    ['PATCH', `/climbs/${climbId}`, { grade: 'V17', archived: true }],
    [
      'POST',
      `/layouts/${layoutId}/reset`,
      { climbs: [{ name: 'Hostile reset', grade: 'V2' }], archiveOthers: true },
    ],
    ['PUT', `/layouts/${layoutId}/image`, 'picture'],
    ['POST', `/gyms/${gymId}/layouts`, { name: 'Hostile wall' }],
    ['PATCH', `/gyms/${gymId}`, { name: 'Hostile gym', archived: true }],
    ['PUT', `/gyms/${gymId}/staff`, { email: 'setter@sendlog.app', role: 'admin' }],
    ['PUT', '/users/role', { email: 'x@reliability.sendlog.app', role: 'admin' }],
    ['POST', '/gyms', { name: 'Hostile gym', timeZone: 'UTC' }],
  ] as const;
const PNG = readFileSync(
  new URL('../apps/server/src/catalogue/test-pictures/tiny.png', import.meta.url),
);

describe.each(BACKENDS)('security on $name', (backend) => {
  let db: TestDatabase;
  let server: RunningServer;
  let url = '';
  let alice: Climber;
  let bob: Climber;
  let gym: { layoutId: string; climbIds: string[] };
  let aliceSession: Session;
  const logs: string[] = [];
  const secrets: string[] = [TEST_PASSWORD];
  const figures = { requests: 0, fiveXx: 0, leaks: 0 };

  beforeAll(async () => {
    db = await backend.createSharedDatabase('security');
    server = await startServer({
      ...db.options,
      demo: true,
      port: 0,
      tokenSecret: SECRET,
      // Everything the server can log, so a leak at any level shows.
      logger: {
        level: 'trace',
        stream: new Writable({
          write(chunk: Buffer, _enc, done) {
            logs.push(chunk.toString());
            done();
          },
        }),
      },
    });
    url = server.url;
    gym = await demoGym(url);
    alice = await register(url, 'alice');
    bob = await register(url, 'bob');
    secrets.push(alice.token, bob.token);
    const created = await alice.api.post<OfflineResponse>(
      '/sessions/offline',
      snapshot(gym, 3, { notes: 'alice only' }),
    );
    expect(created.status).toBe(201);
    aliceSession = (
      await alice.api.get<{ session: Session }>(`/sessions/${created.body.sessionId}`)
    ).body.session;
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await server?.close();
    await db?.drop();
    console.log(
      `[reliability] security on ${backend.name}: ${figures.requests} hostile requests, 5xx ${figures.fiveXx}, ` +
        `secrets found in ${logs.length} log lines: ${figures.leaks}`,
    );
  }, SETUP_TIMEOUT);

  const call = async (method: string, path: string, token: string | null, raw?: string) => {
    const answer: Answer = await http(url).send(method, path, undefined, {
      headers: {
        ...(token === null ? {} : { authorization: token }),
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      },
      ...(method === 'POST' ? { raw: raw ?? JSON.stringify(snapshot(gym, 1)) } : {}),
    });
    figures.requests += 1;
    if (answer.status >= 500) figures.fiveXx += 1;
    return answer;
  };
  const expectCode = (answer: Answer, status: number, code: string) => {
    expect(answer.status, answer.text.slice(0, 200)).toBe(status);
    expect(errorBodySchema.parse(answer.body).error.code).toBe(code);
  };

  it(
    'a minted token with a future expiry is accepted (the control for the cases below)',
    { timeout: TEST_TIMEOUT },
    async () => {
      const token = mint({ sub: alice.user.id, ver: 0, exp: nowSeconds() + 600 });
      const me = await call('GET', '/me', `Bearer ${token}`);
      expect(me.status).toBe(200);
      expect((me.body as { user: { id: string } }).user.id).toBe(alice.user.id);
    },
  );

  it(
    'every session endpoint answers 401 unauthorized to a missing, malformed, tampered or expired token',
    { timeout: TEST_TIMEOUT },
    async () => {
      const [head, payload, signature] = alice.token.split('.') as [string, string, string];
      const flip = (s: string) => s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.at(-1);
      const badHeaders: (string | null)[] = [
        null,
        '',
        'Bearer',
        'Bearer ',
        `Basic ${b64('alice:password')}`,
        `Token ${alice.token}`,
        `Bearer ${alice.token}x`,
        `Bearer ${head}.${payload}`,
        `Bearer ${head}.${payload}.`,
        `Bearer ${head}.${flip(payload)}.${signature}`,
        `Bearer ${head}.${payload}.${flip(signature)}`,
        // Alice's signature over Bob's identity.
        `Bearer ${head}.${b64(JSON.stringify({ sub: bob.user.id, ver: 0, exp: nowSeconds() + 600 }))}.${signature}`,
        `Bearer v2.${payload}.${signature}`,
        `Bearer ${mint({ sub: alice.user.id, ver: 0, exp: nowSeconds() + 600 }, 'another secret')}`,
        `Bearer ${mint({ sub: alice.user.id, ver: 0, exp: nowSeconds() - 1 })}`,
        `Bearer ${mint({ sub: alice.user.id, ver: 0, exp: nowSeconds() - 400 * 86_400 })}`,
        `Bearer ${mint({ sub: randomUUID(), ver: 0, exp: nowSeconds() + 600 })}`,
        `Bearer ${mint({ sub: "' OR '1'='1", ver: 0, exp: nowSeconds() + 600 })}`,
        `Bearer ${mint({ sub: alice.user.id, ver: 7, exp: nowSeconds() + 600 })}`,
      ];
      for (const header of badHeaders) {
        for (const [method, path] of SESSION_ENDPOINTS(aliceSession.id)) {
          const answer = await call(method, path, header);
          expectCode(answer, 401, 'unauthorized');
        }
      }
      // Nothing was written by any of them.
      expect(await allSessions(alice.api)).toHaveLength(1);
    },
  );

  /** A management call: JSON bodies as JSON, the picture as a PNG. */
  const manage = (method: string, path: string, body: unknown, header: string | null) =>
    http(url)
      .send(method, path, undefined, {
        headers: {
          ...(header === null ? {} : { authorization: header }),
          'content-type': body === 'picture' ? 'image/png' : 'application/json',
        },
        raw: body === 'picture' ? new Blob([PNG]) : JSON.stringify(body),
      })
      .then((answer) => {
        figures.requests += 1;
        if (answer.status >= 500) figures.fiveXx += 1;
        return answer;
      });

  /**
   * The whole catalogue and every gym as anyone reads them, tags included (and the demo gym's
   * staff): what a hostile call must not change.
   */
  const catalogue = async () => {
    const anon = http(url);
    const layouts = await anon.get<LayoutsResponse>('/layouts');
    const climbs = await Promise.all(
      layouts.body.layouts.map((l) => anon.get<ClimbsResponse>(`/layouts/${l.id}/climbs`)),
    );
    const gyms = await anon.get<GymsResponse>('/gyms');
    const setter = await http(url).post<AuthResponse>('/auth/login', DEMO_SETTER);
    return {
      layouts: layouts.body,
      tag: layouts.headers.get('etag'),
      climbs: climbs.map((c) => [c.body, c.headers.get('etag')]),
      gyms: gyms.body,
      setter: (await http(url, setter.body.token).get<{ user: unknown }>('/me')).body.user,
    };
  };

  it(
    'catalogue management: 401 without a valid token, 403 forbidden for a climber, nothing written',
    { timeout: TEST_TIMEOUT },
    async () => {
      const before = await catalogue();
      const gymId = (await http(url).get<LayoutsResponse>('/layouts')).body.layouts.find(
        (l) => l.id === gym.layoutId,
      )!.gymId!;
      const endpoints = MANAGEMENT_ENDPOINTS(gym.layoutId, gym.climbIds[0]!, gymId);
      const expired = `Bearer ${mint({ sub: alice.user.id, ver: 0, exp: nowSeconds() - 1 })}`;
      for (const [method, path, body] of endpoints) {
        for (const header of [null, 'Bearer', `Bearer ${alice.token}x`, expired]) {
          expectCode(await manage(method, path, body, header), 401, 'unauthorized');
        }
        // Alice and Bob are climbers: signed in, but without the role.
        for (const climber of [alice, bob]) {
          expectCode(await manage(method, path, body, `Bearer ${climber.token}`), 403, 'forbidden');
        }
      }
      // A setter is refused the admin's endpoint, and cannot make themselves admin.
      const login = await http(url).post<AuthResponse>('/auth/login', DEMO_SETTER);
      const asSetter = await manage(
        'PUT',
        '/users/role',
        { email: DEMO_SETTER.email, role: 'admin' },
        `Bearer ${login.body.token}`,
      );
      expectCode(asSetter, 403, 'forbidden');
      expect(
        (await http(url, login.body.token).get<{ user: { role: string } }>('/me')).body.user.role,
      ).toBe('setter');
      // A climber cannot give themselves a role through their profile either.
      const promote = await manage('PATCH', '/me', { role: 'admin' }, `Bearer ${alice.token}`);
      expectCode(promote, 400, 'validation_failed');
      expect((await alice.api.get<{ user: { role: string } }>('/me')).body.user.role).toBe(
        'climber',
      );
      expect(await catalogue()).toEqual(before);
    },
  );

  it(
    "a gym's setter is refused at another gym: 403 forbidden on every endpoint, nothing written",
    { timeout: TEST_TIMEOUT },
    async () => {
      const anon = http(url);
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
      const climbs = await http(url).get<ClimbsResponse>(`/layouts/${gym.layoutId}/climbs`);
      const text = JSON.stringify(climbs.body);
      for (const secret of [
        alice.user.id,
        alice.email,
        bob.user.id,
        'alice only',
        aliceSession.id,
      ]) {
        expect(text).not.toContain(secret);
      }
      // Alice's session (3 routes) shows only as counts.
      const logged = climbs.body.climbs.filter((c) => c.community.climbers > 0);
      expect(logged.length).toBeGreaterThan(0);
      for (const c of logged) {
        expect(Object.keys(c.community).sort()).toEqual(['climbers', 'grade', 'rating', 'sends']);
      }
      const bobBefore = (await bob.api.get<{ user: unknown }>('/me')).body.user;
      const renamed = await manage('PATCH', '/me', { name: 'Mallory' }, `Bearer ${alice.token}`);
      expect(renamed.status).toBe(200);
      expect((await bob.api.get<{ user: unknown }>('/me')).body.user).toEqual(bobBefore);
      await manage('PATCH', '/me', { name: 'alice' }, `Bearer ${alice.token}`);
    },
  );

  it('a token revoked by sign-out is refused everywhere', { timeout: TEST_TIMEOUT }, async () => {
    const carol = await register(url, 'carol');
    secrets.push(carol.token);
    expect((await carol.api.post('/auth/logout')).status).toBe(204);
    for (const [method, path] of SESSION_ENDPOINTS(aliceSession.id)) {
      expectCode(await call(method, path, `Bearer ${carol.token}`), 401, 'unauthorized');
    }
  });

  it(
    "another user's session is answered exactly like one that does not exist",
    { timeout: TEST_TIMEOUT },
    async () => {
      const asBob = await call('GET', `/sessions/${aliceSession.id}`, `Bearer ${bob.token}`);
      const unknown = await call('GET', `/sessions/${randomUUID()}`, `Bearer ${bob.token}`);
      expectCode(asBob, 404, 'not_found');
      expectCode(unknown, 404, 'not_found');
      expect(asBob.body).toEqual(unknown.body);
      // Nor can Bob delete it: the same 404, and Alice's session stays exactly as it was.
      const deleteAsBob = await call(
        'DELETE',
        `/sessions/${aliceSession.id}`,
        `Bearer ${bob.token}`,
      );
      const deleteUnknown = await call(
        'DELETE',
        `/sessions/${randomUUID()}`,
        `Bearer ${bob.token}`,
      );
      expectCode(deleteAsBob, 404, 'not_found');
      expectCode(deleteUnknown, 404, 'not_found');
      expect(deleteAsBob.body).toEqual(deleteUnknown.body);
      const alices = await alice.api.get<{ session: Session }>(`/sessions/${aliceSession.id}`);
      expect(alices.body.session).toEqual(aliceSession);
      const aliceChanges = await alice.api.get<SessionsPage>('/sessions?updatedSince=');
      expect(aliceChanges.body.sessions).toEqual([aliceSession]);
      expect(await allSessions(bob.api)).toHaveLength(0);
      const changes = await bob.api.get<SessionsPage>('/sessions?updatedSince=');
      expect(changes.body.sessions).toHaveLength(0);
    },
  );

  it(
    "sending another user's clientSessionId never reads, updates or merges into their session",
    { timeout: TEST_TIMEOUT },
    async () => {
      const hostile = (over: Record<string, unknown>) =>
        snapshot(gym, 2, {
          clientSessionId: aliceSession.clientSessionId,
          startTime: aliceSession.startTime,
          notes: 'bob was here',
          updatedAt: '2026-11-25T00:00:00.000Z',
          ...over,
        });
      const attempts = [
        // as a first sync, as an update at the current revision, and as a stale edit (merge)
        hostile({ baseRevision: null }),
        hostile({ baseRevision: aliceSession.revision }),
        hostile({
          baseRevision: aliceSession.revision + 5,
          removedRouteIds: ['r-0', 'r-1', 'r-2'],
        }),
      ];
      const bobIds = new Set<string>();
      for (const body of attempts) {
        for (const path of ['/sessions/offline', '/sessions/sync']) {
          const answer = await call('POST', path, `Bearer ${bob.token}`, JSON.stringify(body));
          expect(answer.status, answer.text).toBeLessThan(300);
          const r = answer.body as OfflineResponse;
          expect(r.sessionId).not.toBe(aliceSession.id);
          bobIds.add(r.sessionId);
          if ('session' in r && r.session)
            expect(JSON.stringify(r.session)).not.toContain('alice only');
        }
        const bulk = await call(
          'POST',
          '/sessions/sync/bulk',
          `Bearer ${bob.token}`,
          JSON.stringify({ sessions: [body] }),
        );
        const result = (bulk.body as BulkResponse).results[0]!;
        expect(result.success).toBe(true);
        if (result.success) {
          expect(result.sessionId).not.toBe(aliceSession.id);
          bobIds.add(result.sessionId);
        }
      }
      // By the idempotency key too: the same Idempotency-Key as another user is another session.
      const keyed = snapshot(gym, 1, { clientSessionId: undefined });
      const key = `shared-${randomUUID()}`;
      const a = await alice.api.post<OfflineResponse>('/sessions/offline', keyed, {
        headers: { 'idempotency-key': key },
      });
      const b = await bob.api.post<OfflineResponse>('/sessions/offline', keyed, {
        headers: { 'idempotency-key': key },
      });
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      expect(b.body.sessionId).not.toBe(a.body.sessionId);

      // Bob has exactly one session from all of that; Alice's is byte-for-byte as before.
      expect(bobIds.size).toBe(1);
      const after = await alice.api.get<{ session: Session }>(`/sessions/${aliceSession.id}`);
      expect(after.body.session).toEqual(aliceSession);
      const bobs = await allSessions(bob.api);
      expect(bobs.map((s) => s.id).sort()).toEqual([...bobIds, b.body.sessionId].sort());
      expect(bobs.every((s) => s.id !== aliceSession.id)).toBe(true);
    },
  );

  it(
    'login is rate-limited per account: 429 rate_limited with Retry-After, even for the right password',
    { timeout: TEST_TIMEOUT },
    async () => {
      const dave = await register(url, 'dave');
      secrets.push(dave.token);
      const anon = http(url);
      const statuses: number[] = [];
      let limited: Answer | undefined;
      for (let i = 0; i < 40 && !limited; i += 1) {
        const wrong = `wrong-password-${i}-${randomUUID()}`;
        secrets.push(wrong);
        const answer = await anon.post('/auth/login', { email: dave.email, password: wrong });
        figures.requests += 1;
        statuses.push(answer.status);
        if (answer.status === 429) limited = answer;
        else expectCode(answer, 401, 'unauthorized');
      }
      expect(limited, `statuses: ${statuses.join(',')}`).toBeDefined();
      expectCode(limited!, 429, 'rate_limited');
      expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
      const right = await anon.post<AuthResponse>('/auth/login', {
        email: dave.email,
        password: TEST_PASSWORD,
      });
      expectCode(right, 429, 'rate_limited');
      console.log(
        `[reliability] login limit on ${backend.name}: limited after ${statuses.length - 1} failed attempts`,
      );
    },
  );

  it(
    'passwords and tokens never reach the logs, whatever the request',
    { timeout: TEST_TIMEOUT },
    async () => {
      const anon = http(url);
      const pw = `never-log-me-${randomUUID()}`;
      secrets.push(pw);
      const email = `eve-${randomUUID()}@reliability.sendlog.app`;
      // Successful, failed, malformed and unparseable bodies that carry a password.
      await anon.post('/auth/register', { email, password: pw, name: 'eve' });
      await anon.post('/auth/login', { email, password: pw });
      await anon.post('/auth/login', { email, password: `${pw}-wrong` });
      await anon.post('/auth/register', { email, password: pw, extra: true });
      await anon.post('/auth/register', { email: 42, password: pw });
      await anon.post('/auth/login', undefined, {
        raw: `{"email":"${email}","password":"${pw}",`,
        headers: { 'content-type': 'application/json' },
      });
      await anon.post('/auth/login', undefined, {
        raw: `{"email":"${email}","password":"${pw}"}`,
        headers: { 'content-type': 'text/plain' },
      });
      secrets.push(`${pw}-wrong`);
      // A token where no token belongs: refused, and not written down on the way.
      for (const path of [
        `/me?token=${alice.token}`,
        `/sessions?limit=5&access_token=${bob.token}`,
        `/${alice.token}`,
      ]) {
        expect((await anon.get(path)).status).toBeGreaterThanOrEqual(400);
      }
      await new Promise((r) => setTimeout(r, 50));

      const text = logs.join('');
      // The log is really being captured (so an empty log cannot pass this test).
      expect(text).toContain('/auth/login');
      const found = secrets.filter((s) => text.includes(s));
      figures.leaks = found.length;
      expect(found).toEqual([]);
    },
  );
});
