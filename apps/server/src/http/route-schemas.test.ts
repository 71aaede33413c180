import {
  LIMITS,
  loginBodySchema,
  registerBodySchema,
  sessionsQuerySchema,
  type ErrorBody,
} from '@sendlog/contract';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildApp } from '../app.js';
import { unsafeTextDetails } from '../domain/text-safety.js';
import {
  BACKENDS,
  SERVER_START_TIMEOUT,
  startTestServer,
  type TestServer,
} from '../testing/index.js';
import { client, newUser } from '../testing/client.js';
import { failingDatabaseContext } from '../testing/fake-context.js';
import { ApiError } from './errors.js';

type Api = ReturnType<typeof client>;

/** The answer the handlers gave before Fastify validated: parse, then the text-safety walk. */
function previousAnswer(schema: z.ZodType, value: unknown): ErrorBody {
  const result = schema.safeParse(value);
  if (!result.success) return ApiError.fromZod(result.error.issues).body();
  return ApiError.validation(unsafeTextDetails(result.data)).body();
}

// The database of this app fails every query: a 4xx here also shows nothing was asked of it.
describe('route schemas without a database', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(failingDatabaseContext(), { logger: false });
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (url: string, body?: unknown) =>
    app.inject({
      method: 'POST',
      url,
      ...(body === undefined
        ? {}
        : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });

  it('answers a malformed layout id with 404 without asking the database', async () => {
    const res = await app.inject({ method: 'GET', url: '/layouts/not-a-uuid/climbs' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(ApiError.notFound('layout').body());
  });

  it('authenticates before validating anything else', async () => {
    const unauthorized = ApiError.unauthorized().body();
    const requests = [
      app.inject({ method: 'GET', url: '/sessions?limit=0&x=1' }),
      app.inject({ method: 'GET', url: '/sessions/not-a-uuid' }),
      app.inject({
        method: 'POST',
        url: '/sessions/offline',
        headers: { 'content-type': 'application/json', 'idempotency-key': '' },
        payload: '[]',
      }),
      post('/sessions/sync/bulk', { sessions: [] }),
      post('/auth/logout'),
    ];
    for (const res of await Promise.all(requests)) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(unauthorized);
    }
  });
});

// Rate limits and tokens need a database; validation itself does not mind which one.
describe('route schemas', () => {
  let server: TestServer;
  let api: Api;
  let anon: Api;
  beforeAll(async () => {
    server = await startTestServer(BACKENDS[0]!);
    ({ api } = await newUser(server.app));
    anon = client(server.app);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  it.each([
    ['an unknown field', { email: 'a@b.co', password: 'long enough', admin: true }],
    ['a short password and a bad email', { email: 'nope', password: 'short' }],
    ['a body that is not an object', ['a@b.co']],
    ['JSON null', null],
    ['a NUL in the password', { email: 'a@b.co', password: 'long\u0000enough' }],
    ['a lone surrogate in the name', { email: 'a@b.co', password: 'long enough', name: '\uD800' }],
  ])('answers registration with %s exactly as before', async (_what, body) => {
    const res = await anon.post<ErrorBody>('/auth/register', body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(previousAnswer(registerBodySchema, body));
  });

  it('answers a request without any body as a missing object, not as null', async () => {
    for (const [url, schema] of [
      ['/auth/register', registerBodySchema],
      ['/auth/login', loginBodySchema],
    ] as const) {
      const res = await server.app.inject({ method: 'POST', url });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual(previousAnswer(schema, undefined));
      expect(res.body).toContain('received undefined');
    }
  });

  it.each([
    ['limit=0&userId=1', { limit: '0', userId: '1' }],
    ['limit=1&limit=2', { limit: ['1', '2'] }],
    ['limit=abc', { limit: 'abc' }],
    [`cursor=${encodeURIComponent('\u0000')}`, { cursor: '\u0000' }],
  ])('answers the query %s exactly as before', async (query, parsed) => {
    const res = await api.get<ErrorBody>(`/sessions?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(previousAnswer(sessionsQuerySchema, parsed));
  });

  it('answers a bad Idempotency-Key at its header path', async () => {
    for (const key of ['', 'k'.repeat(LIMITS.maxClientIdLength + 1)]) {
      const res = await api.post<ErrorBody>('/sessions/offline', {}, { 'idempotency-key': key });
      const rule = `must be 1–${LIMITS.maxClientIdLength} chars`;
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        error: {
          code: 'validation_failed',
          message: `headers.idempotency-key ${rule}`,
          details: [{ path: 'headers.idempotency-key', message: rule }],
        },
      });
    }
  });

  it('answers a malformed session id with 404, as an unknown one', async () => {
    const res = await api.get<ErrorBody>('/sessions/not-a-uuid');
    expect(res.status).toBe(404);
    expect(res.body).toEqual(ApiError.notFound('session').body());
  });
});
