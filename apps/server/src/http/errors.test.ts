import { errorBodySchema, LIMITS } from '@sendlog/contract';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { failingDatabaseContext } from '../testing/fake-context.js';
import {
  BACKENDS,
  SERVER_START_TIMEOUT,
  startTestServer,
  type TestServer,
} from '../testing/index.js';

describe('the error layer', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(failingDatabaseContext(), { logger: false });
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (url: string, payload: string, contentType?: string) =>
    app.inject({
      method: 'POST',
      url,
      payload,
      headers: contentType ? { 'content-type': contentType } : {},
    });

  function expectError(res: { statusCode: number; body: string }, status: number, code: string) {
    expect(res.statusCode).toBe(status);
    const body: unknown = JSON.parse(res.body);
    expect(errorBodySchema.parse(body).error.code).toBe(code);
    expect(res.body).not.toMatch(/select|password_hash|at .*\.ts|node_modules/i);
  }

  it('answers a body that is not JSON with 400 invalid_json', async () => {
    expectError(
      await post('/sessions/offline', '{"startTime": ', 'application/json'),
      400,
      'invalid_json',
    );
    expectError(await post('/auth/login', '', 'application/json'), 400, 'invalid_json');
    expectError(
      await post('/auth/login', '{"__proto__": {"admin": true}}', 'application/json'),
      400,
      'invalid_json',
    );
  });

  it('answers an overlong or malformed id in the path with 404 not_found, in the API shape', async () => {
    for (const url of [`/sessions/${'a'.repeat(500)}`, `/layouts/${'b'.repeat(500)}/climbs`]) {
      expectError(await app.inject({ method: 'GET', url }), 404, 'not_found');
    }
    expectError(await app.inject({ method: 'GET', url: '/sessions/%E0%A4%A' }), 404, 'not_found');
  });

  it('answers a body that is not application/json with 415', async () => {
    expectError(
      await post('/sessions/offline', 'startTime=now', 'application/x-www-form-urlencoded'),
      415,
      'unsupported_media_type',
    );
    expectError(
      await post('/sessions/sync/bulk', '[]', 'text/plain'),
      415,
      'unsupported_media_type',
    );
  });

  it('accepts application/json with a charset', async () => {
    // Parsed fine, then refused for want of a token: the media type was accepted.
    expectError(
      await post('/sessions/offline', '{}', 'application/json; charset=utf-8'),
      401,
      'unauthorized',
    );
  });

  it('answers a body over 2 MiB with 413 payload_too_large', async () => {
    const big = JSON.stringify({ sessions: [{ notes: 'x'.repeat(LIMITS.maxBodyBytes) }] });
    expectError(
      await post('/sessions/sync/bulk', big, 'application/json'),
      413,
      'payload_too_large',
    );
  });

  it('answers unknown routes and methods with 404 not_found', async () => {
    expectError(await app.inject({ method: 'GET', url: '/nothing/here' }), 404, 'not_found');
    expectError(await app.inject({ method: 'DELETE', url: '/sessions' }), 404, 'not_found');
  });

  it('answers a bug with 500 internal, never SQL or a stack trace', async () => {
    expectError(await app.inject({ method: 'GET', url: '/health' }), 500, 'internal');
    expectError(await app.inject({ method: 'GET', url: '/layouts' }), 500, 'internal');
  });
});

// The register route counts its address in the database before it validates.
describe.each(BACKENDS)('error answers on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  const post = (url: string, payload: string) =>
    server.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': 'application/json' },
    });

  it('answers 180,000 unknown fields in 2 MB with 50 of them and the count, in a few kB', async () => {
    const keys = Array.from({ length: 180_000 }, (_, i) => `"k${i}":1`).join(',');
    const body = `{"email":"a@b.co","password":"long enough",${keys}}`;
    expect(body.length).toBeLessThan(LIMITS.maxBodyBytes);
    const res = await post('/auth/register', body);
    expect(res.statusCode).toBe(400);
    expect(res.body.length).toBeLessThan(4_096);
    const { error } = errorBodySchema.parse(JSON.parse(res.body));
    expect(error.details).toHaveLength(50);
    expect(error.details![0]).toEqual({ path: 'k0', message: 'is not a known field' });
    expect(error.detailsOmitted).toBe(180_000 - 50);
    expect(error.message).toBe('k0 is not a known field (and 179999 more)');
  });

  it('clips a field name of a megabyte in the answer', async () => {
    const key = 'k'.repeat(1_000_000);
    const res = await post('/auth/register', `{"${key}":1}`);
    expect(res.statusCode).toBe(400);
    expect(res.body.length).toBeLessThan(4_096);
  });

  it('bounds a refused session the same way, in a single answer and in a bulk', async () => {
    const register = await post(
      '/auth/register',
      JSON.stringify({ email: 'bounded@example.com', password: 'long enough' }),
    );
    const { token } = JSON.parse(register.body) as { token: string };
    const routes = Array.from({ length: 300 }, (_, i) => ({ clientRouteId: `r${i}`, attempts: 0 }));
    const session = {
      clientSessionId: 'bounded',
      startTime: '2026-01-01T10:00:00.000Z',
      routes,
    };
    const send = (url: string, body: unknown) =>
      server.app.inject({
        method: 'POST',
        url,
        payload: JSON.stringify(body),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });
    const single = await send('/sessions/offline', session);
    expect(single.statusCode).toBe(400);
    const { error } = errorBodySchema.parse(JSON.parse(single.body));
    expect(error.details).toHaveLength(50);
    expect(error.detailsOmitted).toBeGreaterThan(250);
    expect(single.body.length).toBeLessThan(8_192);
    const bulk = await send('/sessions/sync/bulk', { sessions: [session] });
    expect(bulk.statusCode).toBe(200);
    const [result] = (JSON.parse(bulk.body) as { results: { error: typeof error }[] }).results;
    expect(result!.error).toEqual(error);
  });
});
