import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import {
  DEMO_SETTER,
  errorBodySchema,
  type AuthResponse,
  type ClimbsResponse,
  type GymsResponse,
  type LayoutsResponse,
  type OfflineResponse,
  type Session,
} from '@sendlog/contract';
import { startServer, type RunningServer } from '@sendlog/server';
import type { Backend, TestDatabase } from '@sendlog/server/testing';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  demoGym,
  http,
  register,
  snapshot,
  TEST_PASSWORD,
  type Answer,
  type Climber,
} from './http.js';

/**
 * Part 5 of issue 5, shared by the security-*.test.ts files: tokens (none, malformed, tampered,
 * expired, revoked, another user's) on every session endpoint; a user can never read or write
 * another user's session, even knowing its clientSessionId; login is rate-limited; passwords and
 * tokens never reach the logs.
 */
/** Bounds, not speed targets: generous so two busy cores running the whole suite never flake. */
export const TEST_TIMEOUT = 120_000;
const SETUP_TIMEOUT = 180_000;
const SECRET = `reliability-${randomUUID()}`;
export const b64 = (s: string) => Buffer.from(s).toString('base64url');
/**
 * Mints a token in the server's format (apps/server/src/auth/tokens.ts) with the secret the test
 * gave the server, so an expiry in the past can be made. A control mint with a future expiry
 * must be accepted, which proves the format is right and the expired case fails for its expiry.
 */
export function mint(claims: { sub: string; ver: number; exp: number }, secret = SECRET): string {
  const data = `v1.${b64(JSON.stringify(claims))}`;
  return `${data}.${createHmac('sha256', secret).update(data).digest('base64url')}`;
}
export const nowSeconds = () => Math.floor(Date.now() / 1000);

export const SESSION_ENDPOINTS = (sessionId: string) =>
  [
    ['GET', '/me'],
    ['GET', '/sessions'],
    ['GET', '/sessions?updatedSince='],
    ['GET', `/sessions/${sessionId}`],
    ['POST', '/sessions/offline'],
    ['POST', '/sessions/sync'],
    ['POST', '/sessions/sync/bulk'],
    ['DELETE', `/sessions/${sessionId}`],
    ['POST', '/me/password'],
    ['DELETE', '/me'],
  ] as const;

/**
 * Every endpoint that needs a gym's staff (a setter, or for the gym's settings and staff its
 * admin) or a server admin (the last two), with a body it would take.
 */
export const MANAGEMENT_ENDPOINTS = (layoutId: string, climbId: string, gymId: string) =>
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
  new URL('../../apps/server/src/catalogue/test-pictures/tiny.png', import.meta.url),
);

/**
 * One file's server on one backend, as the security files attack it: Alice (with one session
 * of her own) and Bob registered, every log line captured, every secret the file hands out
 * noted. The fields the setup fills in are read inside the tests, once it has run.
 */
export interface SecurityStage {
  url: string;
  alice: Climber;
  bob: Climber;
  gym: { layoutId: string; climbIds: string[] };
  aliceSession: Session;
  /** Every line the server logged, at every level. */
  logs: string[];
  /** Passwords and tokens that must never show in `logs`. */
  secrets: string[];
  figures: { requests: number; fiveXx: number; leaks: number };
  /** A session endpoint called with `token` as the whole Authorization header (null: none). */
  call(method: string, path: string, token: string | null, raw?: string): Promise<Answer>;
  expectCode(answer: Answer, status: number, code: string): void;
  /** A management call: JSON bodies as JSON, the picture as a PNG. */
  manage(method: string, path: string, body: unknown, header: string | null): Promise<Answer>;
  /**
   * The whole catalogue and every gym as anyone reads them, tags included (and the demo gym's
   * staff): what a hostile call must not change.
   */
  catalogue(): Promise<unknown>;
}

/**
 * Waits until Alice's session shows in the community view, which is folded off the request path
 * (catalogue/community-fold.ts): every test then starts from a settled view. The catalogue tests
 * compare the view before and after their hostile calls; in the single file these came from the
 * tests before them gave the fold the time, here one may run first.
 */
async function communitySettled(s: SecurityStage): Promise<void> {
  const hers = new Set(s.aliceSession.routes.map((r) => r.climbId));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { body } = await http(s.url).get<ClimbsResponse>(`/layouts/${s.gym.layoutId}/climbs`);
    const shown = body.climbs.filter((c) => hers.has(c.id));
    if (shown.length > 0 && shown.every((c) => c.community.climbers > 0)) return;
    if (Date.now() > deadline)
      throw new Error("Alice's session never showed in the community view");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Starts the stage before the file's tests and stops it after them. Whatever the file's tests
 * did, no secret may have reached its server's log: each file checks its own log as it closes,
 * as the single file these came from checked the log of every request it had made.
 */
export function securityStage(backend: Backend): SecurityStage {
  let db: TestDatabase;
  let server: RunningServer;
  const counted = (answer: Answer) => {
    s.figures.requests += 1;
    if (answer.status >= 500) s.figures.fiveXx += 1;
    return answer;
  };
  const s: SecurityStage = {
    url: '',
    alice: undefined as unknown as Climber,
    bob: undefined as unknown as Climber,
    gym: { layoutId: '', climbIds: [] },
    aliceSession: undefined as unknown as Session,
    logs: [],
    secrets: [TEST_PASSWORD],
    figures: { requests: 0, fiveXx: 0, leaks: 0 },
    call: async (method, path, token, raw) =>
      counted(
        await http(s.url).send(method, path, undefined, {
          headers: {
            ...(token === null ? {} : { authorization: token }),
            ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
          },
          ...(method === 'POST' ? { raw: raw ?? JSON.stringify(snapshot(s.gym, 1)) } : {}),
        }),
      ),
    expectCode(answer, status, code) {
      expect(answer.status, answer.text.slice(0, 200)).toBe(status);
      expect(errorBodySchema.parse(answer.body).error.code).toBe(code);
    },
    manage: async (method, path, body, header) =>
      counted(
        await http(s.url).send(method, path, undefined, {
          headers: {
            ...(header === null ? {} : { authorization: header }),
            'content-type': body === 'picture' ? 'image/png' : 'application/json',
          },
          raw: body === 'picture' ? new Blob([PNG]) : JSON.stringify(body),
        }),
      ),
    async catalogue() {
      const anon = http(s.url);
      const layouts = await anon.get<LayoutsResponse>('/layouts');
      const climbs = await Promise.all(
        layouts.body.layouts.map((l) => anon.get<ClimbsResponse>(`/layouts/${l.id}/climbs`)),
      );
      const gyms = await anon.get<GymsResponse>('/gyms');
      const setter = await http(s.url).post<AuthResponse>('/auth/login', DEMO_SETTER);
      return {
        layouts: layouts.body,
        tag: layouts.headers.get('etag'),
        climbs: climbs.map((c) => [c.body, c.headers.get('etag')]),
        gyms: gyms.body,
        setter: (await http(s.url, setter.body.token).get<{ user: unknown }>('/me')).body.user,
      };
    },
  };

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
            s.logs.push(chunk.toString());
            done();
          },
        }),
      },
    });
    s.url = server.url;
    s.gym = await demoGym(s.url);
    s.alice = await register(s.url, 'alice');
    s.bob = await register(s.url, 'bob');
    s.secrets.push(s.alice.token, s.bob.token);
    const created = await s.alice.api.post<OfflineResponse>(
      '/sessions/offline',
      snapshot(s.gym, 3, { notes: 'alice only' }),
    );
    expect(created.status).toBe(201);
    s.aliceSession = (
      await s.alice.api.get<{ session: Session }>(`/sessions/${created.body.sessionId}`)
    ).body.session;
    await communitySettled(s);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await server?.close();
    await db?.drop();
    const text = s.logs.join('');
    const found = s.secrets.filter((secret) => text.includes(secret));
    s.figures.leaks = found.length;
    console.log(
      `[reliability] security on ${backend.name}: ${s.figures.requests} hostile requests, 5xx ${s.figures.fiveXx}, ` +
        `secrets found in ${s.logs.length} log lines: ${s.figures.leaks}`,
    );
    expect(found, 'passwords or tokens in the server log').toEqual([]);
  }, SETUP_TIMEOUT);

  return s;
}
