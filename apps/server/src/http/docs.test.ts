import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { failingDatabaseContext } from '../test-support/fake-context.js';

describe('OpenAPI', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(failingDatabaseContext(), { logger: false });
    await app.ready();
  });
  afterAll(() => app.close());

  it('publishes every endpoint of API.md at /docs/json', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /health',
        'POST /auth/register',
        'POST /auth/login',
        'GET /me',
        'GET /layouts',
        'GET /layouts/{layoutId}/climbs',
        'POST /sessions/offline',
        'POST /sessions/sync',
        'POST /sessions/sync/bulk',
        'GET /sessions',
        'GET /sessions/{id}',
      ]),
    );
    const body = doc.paths['/sessions/offline']!.post as {
      requestBody: { content: Record<string, { schema: { properties: object } }> };
    };
    expect(Object.keys(body.requestBody.content['application/json']!.schema.properties)).toContain(
      'clientSessionId',
    );
  });

  it('serves the UI at /docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/html/);
  });
});
