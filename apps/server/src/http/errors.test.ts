import { errorBodySchema, LIMITS } from '@sendlog/contract';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { failingDatabaseContext } from '../testing/fake-context.js';

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
