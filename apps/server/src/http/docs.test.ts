import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { failingDatabaseContext } from '../testing/fake-context.js';

describe('OpenAPI', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(failingDatabaseContext(), { logger: false });
    await app.ready();
  });
  afterAll(() => app.close());

  it('publishes every endpoint of docs/api.md at /docs/json', async () => {
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
        'DELETE /sessions/{id}',
        'PATCH /me',
        'PUT /users/role',
        'POST /layouts',
        'PATCH /layouts/{layoutId}',
        'PUT /layouts/{layoutId}/image',
        'POST /layouts/{layoutId}/climbs',
        'POST /layouts/{layoutId}/reset',
        'PATCH /climbs/{climbId}',
        'GET /wall-pictures/{sha256}',
        'GET /gyms',
        'POST /gyms',
        'GET /gyms/{gymId}',
        'PATCH /gyms/{gymId}',
        'GET /gyms/{gymId}/staff',
        'PUT /gyms/{gymId}/staff',
        'GET /gyms/{gymId}/layouts',
        'POST /gyms/{gymId}/layouts',
        'GET /me/gyms',
        'PUT /me/gyms/{gymId}',
        'DELETE /me/gyms/{gymId}',
      ]),
    );
    const body = doc.paths['/sessions/offline']!.post as {
      requestBody: { content: Record<string, { schema: { properties: object } }> };
    };
    expect(Object.keys(body.requestBody.content['application/json']!.schema.properties)).toContain(
      'clientSessionId',
    );
    // A wall picture is uploaded as itself, not as JSON.
    const upload = doc.paths['/layouts/{layoutId}/image']!.put as {
      requestBody: { content: Record<string, unknown> };
    };
    expect(Object.keys(upload.requestBody.content).sort()).toEqual([
      'image/jpeg',
      'image/png',
      'image/webp',
    ]);
  });

  it("passes Redocly's recommended lint, but for three findings it cannot honestly fix", async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/json' });
    // The built-in ruleset: no config file, no network.
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: res.body,
      absoluteRef: 'openapi.json',
      config,
    });
    const findings = problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}`);
    expect(findings).toEqual([
      // The project states no licence; the document should not invent one.
      'warn info-license #/info',
      // These two never answer a client error: a 4XX entry would document something false.
      'warn operation-4xx-response #/paths/~1health/get/responses',
      'warn operation-4xx-response #/paths/~1layouts/get/responses',
    ]);
  });

  it('serves the UI at /docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/html/);
  });
});
