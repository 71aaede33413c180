import { readFileSync } from 'node:fs';
import {
  DEMO_SETTER,
  errorBodySchema,
  LIMITS,
  type AuthResponse,
  type BulkResponse,
  type GymsResponse,
} from '@sendlog/contract';
import { startServer, type RunningServer } from '@sendlog/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, userData, type TestDatabase } from '@sendlog/server/testing';
import {
  allSessions,
  demoGym,
  http,
  register,
  snapshot,
  type Answer,
  type Climber,
  type Http,
} from './support/http.js';
import { badAuthBody } from './support/malformed/auth.js';
import type { BadCase } from './support/malformed/bad-case.js';
import { INJECTIONS } from './support/malformed/bad-values.js';
import { badCatalogueBody, CATALOGUE_BODIES } from './support/malformed/catalogue.js';
import { notJson } from './support/malformed/not-json.js';
import { badSnapshot } from './support/malformed/snapshot.js';

/**
 * Part 4 of issue 5: thousands of malformed bodies per endpoint. Never a 5xx, always a coded 4xx
 * naming the broken field, and nothing written (table row counts before and after).
 */
const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 300);
/** Bounds, not speed targets: generous so two busy cores running the whole suite never flake. */
const PROPERTY_TIMEOUT = 300_000;
const SETUP_TIMEOUT = 180_000;
const SEED = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000);
const JSON_TYPE = { 'content-type': 'application/json' };
/** A NUL or a lone surrogate, as JSON.stringify escapes them. */
const unstorable = (c: BadCase) => /\\u0000|\\ud[89a-f]/i.test(c.json);

interface Figures {
  requests: number;
  fiveXx: number;
  byCode: Record<string, number>;
  byKind: Record<string, number>;
}

/** The detail path `actual` names the field `expected` (or something inside it). */
function names(actual: string, expected: string): boolean {
  return expected === '' || actual === expected || actual.startsWith(`${expected}.`);
}

describe.each(BACKENDS)('bad input on $name', (backend) => {
  let db: TestDatabase;
  let server: RunningServer | undefined;
  let url = '';
  let climber: Climber;
  let setter: Http;
  let admin: Climber;
  let gym: { layoutId: string; climbIds: string[] };
  /** The demo setter's gym (the demo gym). */
  let gymId: string;
  let before: Record<string, number>;
  let sessionsBefore = 0;
  const figures: Figures = { requests: 0, fiveXx: 0, byCode: {}, byKind: {} };

  const start = async () => {
    server = await startServer({
      ...db.options,
      demo: true,
      logger: false,
      // A restart keeps the port, so clients made before it still reach the server.
      port: url ? Number(new URL(url).port) : 0,
      // This part checks validation, not the address limits (the security part runs with those).
      loginRateLimit: { max: 1_000_000, timeWindowMs: 60_000 },
      registerRateLimit: { max: 1_000_000, timeWindowMs: 60_000 },
    });
    url = server.url;
  };

  const note = (answer: Answer, kind: string) => {
    figures.requests += 1;
    if (answer.status >= 500) figures.fiveXx += 1;
    const code =
      errorBodySchema.safeParse(answer.body).data?.error.code ??
      (answer.status === 200 ? 'bulk-200-all-rejected' : `http-${answer.status}`);
    figures.byCode[code] = (figures.byCode[code] ?? 0) + 1;
    figures.byKind[kind] = (figures.byKind[kind] ?? 0) + 1;
  };

  /** A coded 4xx whose details name the broken field. */
  const expectRefused = (answer: Answer, c: Pick<BadCase, 'codes' | 'path'>, prefix = '') => {
    expect(answer.status, answer.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
    const body = errorBodySchema.parse(answer.body);
    expect(c.codes, answer.text.slice(0, 300)).toContain(body.error.code);
    if (body.error.code !== 'invalid_json') {
      const paths = (body.error.details ?? []).map((d) => d.path);
      const expected = [prefix, c.path].filter((p) => p !== '').join('.');
      expect(
        paths.some((p) => names(p, expected)),
        `${answer.text.slice(0, 300)} should name ${expected}`,
      ).toBe(true);
    }
  };

  beforeAll(async () => {
    db = await backend.createSharedDatabase('badinput');
    await start();
    climber = await register(url, 'fuzz');
    admin = await register(url, 'fuzz-admin');
    gym = await demoGym(url);
    // Something already stored, so a bad body that overwrote it would show.
    const stored = await climber.api.post('/sessions/offline', snapshot(gym, 3));
    expect(stored.status).toBe(201);
    sessionsBefore = (await allSessions(climber.api)).length;
    await server!.close();
    server = undefined;
    // The first admin is made on the server's side, as an operator would (npm run admin).
    await db.query(`update users set role = 'admin' where email = $1`, [admin.email]);
    before = userData(await db.countRows());
    await start();
    const login = await http(url).post<AuthResponse>('/auth/login', DEMO_SETTER);
    expect(login.status).toBe(200);
    setter = http(url, login.body.token);
    gymId = (await setter.get<GymsResponse>('/me/gyms')).body.gyms[0]!.id;
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  }, SETUP_TIMEOUT);

  const valid = () => snapshot(gym, 3);

  it(
    'single-session endpoints refuse every malformed snapshot at its path',
    { timeout: PROPERTY_TIMEOUT },
    async () => {
      await fc.assert(
        fc.asyncProperty(badSnapshot(valid), fc.boolean(), async (c, alias) => {
          const path = alias ? '/sessions/sync' : '/sessions/offline';
          const answer = await climber.api.post(path, undefined, {
            raw: c.json,
            headers: JSON_TYPE,
          });
          note(answer, c.kind);
          expectRefused(answer, c);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
  );

  it(
    'bulk refuses every malformed session on its own, or the whole malformed request',
    { timeout: PROPERTY_TIMEOUT },
    async () => {
      const wrapperErrors = fc.constantFrom(
        '{}',
        '{"sessions":[]}',
        '[]',
        '{"sessions":"x"}',
        '{"sessions":null}',
        '{"sessions":{}}',
        'null',
        '42',
        '"sessions"',
        '{"sessions":[1]}',
      );
      const wholeRequest = wrapperErrors.map((json) => ({ json, cases: [] as BadCase[] }));
      const perSession = fc
        .tuple(fc.array(badSnapshot(valid), { minLength: 1, maxLength: 4 }), fc.boolean())
        .map(([cases, wrapped]) => {
          const list = `[${cases.map((c) => c.json).join(',')}]`;
          return { json: wrapped ? `{"sessions":${list}}` : list, cases, wrapped };
        });
      await fc.assert(
        fc.asyncProperty(fc.oneof(wholeRequest, perSession), async (b) => {
          const answer = await climber.api.post<BulkResponse>('/sessions/sync/bulk', undefined, {
            raw: b.json,
            headers: JSON_TYPE,
          });
          note(answer, b.cases.length === 0 ? 'bulk.wrapper' : 'bulk.sessions');
          const wrappedPrefix = 'wrapped' in b && b.wrapped ? 'sessions' : '';
          const nonObject = b.cases.findIndex((c) => c.kind === 'not-an-object');
          const code = errorBodySchema.safeParse(answer.body).data?.error.code;
          if (b.cases.length === 0) {
            expectRefused(answer, { codes: ['validation_failed'], path: '' });
          } else if (code === 'invalid_json') {
            // A prototype-pollution key is refused by the JSON parser for the whole body.
            expect(answer.status).toBe(400);
            expect(b.cases.some((c) => c.codes.includes('invalid_json'))).toBe(true);
          } else if (nonObject >= 0 || (answer.status === 400 && b.cases.some(unstorable))) {
            // An element that is not an object makes the body itself malformed. Known deviation
            // (see the report): text PostgreSQL cannot store (NUL, a lone surrogate) in one
            // session also refuses the whole bulk request instead of that session alone.
            expect(answer.status, answer.text.slice(0, 300)).toBe(400);
            const prefix = wrappedPrefix ? `${wrappedPrefix}.` : '';
            const paths = (errorBodySchema.parse(answer.body).error.details ?? []).map(
              (d) => d.path,
            );
            const named = b.cases.some((c, i) =>
              paths.some((p) =>
                c.kind === 'not-an-object'
                  ? names(p, `${prefix}${i}`)
                  : unstorable(c) && names(p, `${prefix}${i}.${c.path}`),
              ),
            );
            expect(named, answer.text.slice(0, 300)).toBe(true);
          } else {
            expect(answer.status, answer.text.slice(0, 300)).toBe(200);
            expect(answer.body.results).toHaveLength(b.cases.length);
            b.cases.forEach((c, i) => {
              const r = answer.body.results[i]!;
              expect(r.success, JSON.stringify(r).slice(0, 300)).toBe(false);
              if (r.success) return;
              expect(c.codes).toContain(r.error.code);
              const paths = (r.error.details ?? []).map((d) =>
                // Per-session paths may be given relative to the session or to the body.
                d.path.replace(new RegExp(`^(sessions\\.)?${i}\\.`), ''),
              );
              expect(
                paths.some((p) => names(p, c.path)),
                `${JSON.stringify(r.error).slice(0, 300)} should name ${c.path}`,
              ).toBe(true);
            });
            expect(answer.body.summary.rejected).toBe(b.cases.length);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
  );

  it(
    'bulk over 100 sessions is refused whole, writing none of them',
    { timeout: PROPERTY_TIMEOUT },
    async () => {
      const sessions = Array.from({ length: LIMITS.maxSessionsPerBulk + 1 }, () =>
        snapshot(gym, 1),
      );
      const answer = await climber.api.post('/sessions/sync/bulk', { sessions });
      note(answer, 'bulk.too-many');
      expectRefused(answer, { codes: ['validation_failed'], path: 'sessions' });
    },
  );

  it(
    'auth endpoints refuse every malformed body at its path',
    { timeout: PROPERTY_TIMEOUT },
    async () => {
      const anon = http(url);
      for (const kind of ['register', 'login'] as const) {
        await fc.assert(
          fc.asyncProperty(badAuthBody(kind), async (c) => {
            const answer = await anon.post(`/auth/${kind}`, undefined, {
              raw: c.json,
              headers: JSON_TYPE,
            });
            note(answer, c.kind);
            expectRefused(answer, c);
          }),
          { numRuns: RUNS, seed: SEED },
        );
      }
    },
  );

  it(
    'catalogue management and profile bodies: refused at their path, nothing written',
    { timeout: PROPERTY_TIMEOUT },
    async () => {
      const climbId = gym.climbIds[0]!;
      const endpoints = [
        ['POST', '/layouts', CATALOGUE_BODIES.createLayout, () => setter],
        ['PATCH', `/layouts/${gym.layoutId}`, CATALOGUE_BODIES.updateLayout, () => setter],
        ['POST', `/layouts/${gym.layoutId}/climbs`, CATALOGUE_BODIES.createClimb, () => setter],
        ['PATCH', `/climbs/${climbId}`, CATALOGUE_BODIES.updateClimb, () => setter],
        ['POST', `/layouts/${gym.layoutId}/reset`, CATALOGUE_BODIES.reset, () => setter],
        ['PATCH', '/me', CATALOGUE_BODIES.updateMe, () => climber.api],
        ['PUT', '/users/role', CATALOGUE_BODIES.setRole, () => admin.api],
        ['POST', '/gyms', CATALOGUE_BODIES.createGym, () => admin.api],
        ['PATCH', `/gyms/${gymId}`, CATALOGUE_BODIES.updateGym, () => admin.api],
        ['PUT', `/gyms/${gymId}/staff`, CATALOGUE_BODIES.setGymStaff, () => admin.api],
        ['POST', `/gyms/${gymId}/layouts`, CATALOGUE_BODIES.createGymLayout, () => setter],
      ] as const;
      for (const [method, path, spec, caller] of endpoints) {
        await fc.assert(
          fc.asyncProperty(badCatalogueBody(spec), async (c) => {
            const answer = await caller().send(method, path, undefined, {
              raw: c.json,
              headers: JSON_TYPE,
            });
            note(answer, c.kind);
            expectRefused(answer, c);
          }),
          { numRuns: Math.ceil(RUNS / 2), seed: SEED },
        );
      }
    },
  );

  it(
    'wall pictures: bytes that are not a whole picture of their type → 400 invalid_image',
    { timeout: PROPERTY_TIMEOUT },
    async () => {
      const jpeg = new Uint8Array(
        readFileSync(
          new URL('../apps/server/src/catalogue/test-pictures/tiny.jpg', import.meta.url),
        ),
      );
      const bodies = fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 4096 }),
        fc.integer({ min: 1, max: jpeg.length - 1 }).map((n) => jpeg.subarray(0, n)),
        fc.constantFrom(...INJECTIONS).map((s) => new TextEncoder().encode(s)),
      );
      const type = fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'IMAGE/PNG');
      await fc.assert(
        fc.asyncProperty(bodies, type, async (bytes, contentType) => {
          const answer = await setter.send('PUT', `/layouts/${gym.layoutId}/image`, undefined, {
            raw: new Blob([bytes]),
            headers: { 'content-type': contentType },
          });
          note(answer, 'picture');
          expect(answer.status, answer.text).toBe(400);
          expect(errorBodySchema.parse(answer.body).error.code).toBe('invalid_image');
        }),
        { numRuns: RUNS, seed: SEED },
      );
      for (const contentType of ['image/gif', 'application/json', 'text/plain', 'image/svg+xml']) {
        const answer = await setter.send('PUT', `/layouts/${gym.layoutId}/image`, undefined, {
          raw: new Blob([jpeg]),
          headers: { 'content-type': contentType },
        });
        note(answer, 'picture.type');
        expect(answer.status, `${contentType}: ${answer.text}`).toBe(415);
      }
      const big = new Uint8Array(8 * 1024 * 1024 + 1);
      big.set(jpeg);
      const tooBig = await setter.send('PUT', `/layouts/${gym.layoutId}/image`, undefined, {
        raw: new Blob([big]),
        headers: { 'content-type': 'image/jpeg' },
      });
      note(tooBig, 'picture.too-large');
      expect(tooBig.status).toBe(413);
    },
  );

  it(
    'query strings and ids: a coded 400 at the parameter, or 404 for an id',
    { timeout: PROPERTY_TIMEOUT },
    async () => {
      const badLimit = fc.oneof(
        fc.constantFrom('0', '201', '-1', '1.5', 'abc', '', '1e3', 'NaN', '9'.repeat(400)),
        fc.constantFrom(...INJECTIONS),
      );
      const junk = fc.oneof(
        fc.constantFrom(...INJECTIONS),
        fc.string({ minLength: 1, maxLength: 40 }),
        // Fastify's router caps a path parameter at 100 chars (longer: see the report).
        fc.constant('x'.repeat(100)),
      );
      const longJunk = fc.oneof(junk, fc.constant('x'.repeat(600)));
      const query = fc.oneof(
        badLimit.map((v) => ({ q: `limit=${encodeURIComponent(v)}`, path: 'limit' })),
        longJunk.map((v) => ({ q: `cursor=${encodeURIComponent(v)}`, path: 'cursor' })),
        longJunk.map((v) => ({ q: `updatedSince=${encodeURIComponent(v)}`, path: 'updatedSince' })),
        fc.constant({ q: 'cursor=&updatedSince=', path: 'cursor' }),
        fc.constant({ q: 'limit=1&limit=2', path: 'limit' }),
        fc
          .constantFrom('userId', 'user_id', 'x', '__proto__', 'constructor')
          .map((k) => ({ q: `${k}=1`, path: k })),
      );
      await fc.assert(
        fc.asyncProperty(query, async ({ q, path }) => {
          const answer = await climber.api.get(`/sessions?${q}`);
          note(answer, `query.${path}`);
          expectRefused(answer, { codes: ['validation_failed'], path });
        }),
        { numRuns: RUNS, seed: SEED },
      );
      const ids = fc.oneof(junk, fc.uuid());
      await fc.assert(
        fc.asyncProperty(ids, fc.boolean(), async (id, layout) => {
          const path = layout
            ? `/layouts/${encodeURIComponent(id)}/climbs`
            : `/sessions/${encodeURIComponent(id)}`;
          const answer = await climber.api.get(path);
          note(answer, layout ? 'id.layout' : 'id.session');
          expect(answer.status, answer.text).toBe(404);
          expect(errorBodySchema.parse(answer.body).error.code).toBe('not_found');
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // Catalogue management ids, as a setter (a valid body: only the id is wrong).
      const managed = fc.constantFrom<[string, (id: string) => string, unknown]>(
        ['PATCH', (id: string) => `/layouts/${id}`, { name: 'x' }],
        ['PATCH', (id: string) => `/climbs/${id}`, { name: 'x' }],
        ['POST', (id: string) => `/layouts/${id}/climbs`, { name: 'x', grade: 'V1' }],
        ['POST', (id: string) => `/layouts/${id}/reset`, { climbs: [], archiveOthers: true }],
        ['PATCH', (id: string) => `/gyms/${id}`, { name: 'x' }],
        ['POST', (id: string) => `/gyms/${id}/layouts`, { name: 'x' }],
        ['GET', (id: string) => `/gyms/${id}/layouts`, undefined],
        ['GET', (id: string) => `/wall-pictures/${id}`, undefined],
      );
      await fc.assert(
        fc.asyncProperty(ids, managed, async (id, [method, path, body]) => {
          const answer = await setter.send(method, path(encodeURIComponent(id)), body);
          note(answer, 'id.catalogue');
          expect(answer.status, answer.text).toBe(404);
          expect(errorBodySchema.parse(answer.body).error.code).toBe('not_found');
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
  );

  const POSTS = [
    '/sessions/offline',
    '/sessions/sync',
    '/sessions/sync/bulk',
    '/auth/register',
    '/auth/login',
    '/layouts',
    '/layouts/00000000-0000-4000-8000-000000000000/climbs',
    '/layouts/00000000-0000-4000-8000-000000000000/reset',
    '/gyms',
    '/gyms/00000000-0000-4000-8000-000000000000/layouts',
  ];
  /** Every other JSON body endpoint, by method. */
  const OTHER_BODIES = [
    ['PATCH', '/me'],
    ['PUT', '/users/role'],
    ['PATCH', '/layouts/00000000-0000-4000-8000-000000000000'],
    ['PATCH', '/climbs/00000000-0000-4000-8000-000000000000'],
    ['PATCH', '/gyms/00000000-0000-4000-8000-000000000000'],
    ['PUT', '/gyms/00000000-0000-4000-8000-000000000000/staff'],
  ] as const;

  const bodyEndpoints = () => [...POSTS.map((path) => ['POST', path] as const), ...OTHER_BODIES];

  it(
    'a body that is not JSON → 400 invalid_json on every endpoint',
    { timeout: PROPERTY_TIMEOUT },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          notJson,
          fc.constantFrom(...bodyEndpoints()),
          async (raw, [method, path]) => {
            const answer = await climber.api.send(method, path, undefined, {
              raw,
              headers: JSON_TYPE,
            });
            note(answer, 'not-json');
            expect(answer.status, answer.text).toBe(400);
            expect(errorBodySchema.parse(answer.body).error.code).toBe('invalid_json');
          },
        ),
        { numRuns: Math.min(RUNS, 300), seed: SEED },
      );
    },
  );

  it('a non-JSON content type → 415 on every endpoint', { timeout: PROPERTY_TIMEOUT }, async () => {
    const types = [
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'text/html',
      'application/octet-stream',
    ];
    const body = JSON.stringify(snapshot(gym, 1));
    for (const [method, path] of bodyEndpoints()) {
      for (const type of [...types, 'image/png', 'image/jpeg']) {
        const answer = await climber.api.send(method, path, undefined, {
          raw: body,
          headers: { 'content-type': type },
        });
        note(answer, 'content-type');
        expect(answer.status, `${path} ${type}: ${answer.text}`).toBe(415);
        expect(errorBodySchema.parse(answer.body).error.code).toBe('unsupported_media_type');
      }
      // No content type at all on a body.
      const bare = await climber.api.send(method, path, undefined, { raw: new Blob([body]) });
      note(bare, 'content-type');
      expect(bare.status, `${path} without a type: ${bare.text}`).toBe(415);
    }
  });

  it('a body over 2 MiB → 413 on every endpoint', { timeout: PROPERTY_TIMEOUT }, async () => {
    const big = JSON.stringify({
      ...snapshot(gym, 1),
      notes: 'x'.repeat(LIMITS.maxBodyBytes + 1),
    });
    for (const [method, path] of bodyEndpoints()) {
      const answer = await climber.api.send(method, path, undefined, {
        raw: big,
        headers: JSON_TYPE,
      });
      note(answer, 'too-large');
      expect(answer.status, `${path}: ${answer.text.slice(0, 200)}`).toBe(413);
      expect(errorBodySchema.parse(answer.body).error.code).toBe('payload_too_large');
    }
  });

  it('nothing was written, and no answer was a 5xx', { timeout: PROPERTY_TIMEOUT }, async () => {
    expect((await allSessions(climber.api)).length).toBe(sessionsBefore);
    await server!.close();
    server = undefined;
    const after = userData(await db.countRows());
    console.log(
      `[reliability] bad input on ${backend.name} (seed ${SEED}, ${RUNS} runs per property): ` +
        `${figures.requests} requests, 5xx ${figures.fiveXx}, rows written ${
          Object.entries(after).filter(([t, n]) => before[t] !== n).length
        } tables changed; codes ${JSON.stringify(figures.byCode)}`,
    );
    expect(after).toEqual(before);
    expect(figures.fiveXx).toBe(0);
  });
});
