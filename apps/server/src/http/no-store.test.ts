import { randomUUID } from 'node:crypto';
import type { AuthResponse } from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithDatabase, type AppWithDatabase } from '../testing/app-with-database.js';
import { client } from '../testing/client.js';
import { LAYOUT_ID } from '../testing/fixtures.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../testing/index.js';

/**
 * Every operation of the published OpenAPI document that needs a token is called (by an admin, so
 * no role check stands in the way; with a body of `{}` and ids that exist or not): whatever it
 * answers, no cache may keep it. The two public answers that carry a token neither.
 */

interface DocOperation {
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, unknown> };
}

const noCacheMayKeep = (headers: Record<string, unknown>, where: string) => {
  expect(headers['cache-control'], where).toBe('no-store');
  expect(String(headers.vary), where).toMatch(/(^|,)\s*Authorization\s*(,|$)/i);
};

describe.each(BACKENDS)('Cache-Control on $name', (backend) => {
  let server: AppWithDatabase;
  beforeAll(async () => {
    server = await appWithDatabase(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  it('says no-store and Vary: Authorization on every answer behind a token', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, DocOperation>>;
    };
    const secured = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.security?.some((s) => 'bearer' in s))
        .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
    expect(secured.length).toBeGreaterThan(15);
    // Signing out revokes the token, so it goes last.
    secured.sort((a, b) => Number(a.path === '/auth/logout') - Number(b.path === '/auth/logout'));
    const { token } = await server.signedIn('admin');
    const answered: Record<number, number> = {};
    for (const { method, path, op } of secured) {
      for (const id of [LAYOUT_ID, randomUUID()]) {
        const url = path.replace(/\{\w+\}/g, id);
        const json = op.requestBody?.content['application/json'] !== undefined;
        const res = await server.app.inject({
          method: method as 'GET',
          url,
          headers: {
            authorization: `Bearer ${token}`,
            ...(json ? { 'content-type': 'application/json' } : {}),
          },
          ...(json ? { payload: '{}' } : {}),
        });
        answered[res.statusCode] = (answered[res.statusCode] ?? 0) + 1;
        noCacheMayKeep(res.headers, `${method} ${url} → ${res.statusCode}`);
        // Without a token too: the 401 says nothing a cache should keep either.
        const anonymous = await server.app.inject({ method: method as 'GET', url });
        noCacheMayKeep(anonymous.headers, `${method} ${url} without a token`);
      }
    }
    // The walk reached real answers, not only refusals.
    expect(answered[200]).toBeGreaterThan(5);
  });

  it('says no-store on the answers that carry a token: registration and login', async () => {
    const anon = client(server.app);
    const email = `cache-${randomUUID()}@test.sendlog.app`;
    const registered = await anon.post<AuthResponse>('/auth/register', {
      email,
      password: 'correct horse battery',
    });
    expect(registered.status).toBe(201);
    noCacheMayKeep(registered.headers, 'register');
    const login = await anon.post<AuthResponse>('/auth/login', {
      email,
      password: 'correct horse battery',
    });
    expect(login.status).toBe(200);
    noCacheMayKeep(login.headers, 'login');
  });

  it('leaves the public catalogue to revalidate by its ETag', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/layouts' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.etag).toBeDefined();
  });
});
