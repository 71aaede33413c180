import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { failingDatabaseContext } from '../test-support/fake-context.js';

describe('web root', () => {
  let app: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sendlog-web-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Sendlog</title>');
    mkdirSync(path.join(dir, '_expo'));
    writeFileSync(path.join(dir, '_expo', 'app.js'), 'console.log(1)');
    app = await buildApp(failingDatabaseContext(), { logger: false, webRoot: dir });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the static export at /', async () => {
    const index = await app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<title>Sendlog</title>');
    const asset = await app.inject({ method: 'GET', url: '/_expo/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('falls back to index.html for app paths a browser asks for', async () => {
    const deep = await app.inject({
      method: 'GET',
      url: '/history/123',
      headers: { accept: 'text/html,*/*' },
    });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>Sendlog</title>');
  });

  it('keeps API answers and JSON 404s for everything else', async () => {
    const missing = await app.inject({
      method: 'GET',
      url: '/history/123',
      headers: { accept: 'application/json' },
    });
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ error: { code: 'not_found' } });
    const api = await app.inject({ method: 'GET', url: '/me', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(401);
    const post = await app.inject({
      method: 'POST',
      url: '/nowhere',
      headers: { accept: 'text/html' },
    });
    expect(post.statusCode).toBe(404);
  });
});
