import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { failingDatabaseContext } from '../testing/fake-context.js';
import { cacheControlFor, IMMUTABLE, REVALIDATE } from './web-root.js';

const BUNDLE = '_expo/static/js/web/index-0123456789abcdef0123456789abcdef.js';
const BUNDLE_TEXT = `console.log(${JSON.stringify('sendlog '.repeat(500))})`;

describe('web root', () => {
  let app: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sendlog-web-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Sendlog</title>');
    mkdirSync(path.join(dir, '_expo'));
    writeFileSync(path.join(dir, '_expo', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    mkdirSync(path.join(dir, path.dirname(BUNDLE)), { recursive: true });
    writeFileSync(path.join(dir, BUNDLE), BUNDLE_TEXT);
    // As apps/mobile/scripts/precompress.mjs leaves them after the export.
    writeFileSync(path.join(dir, `${BUNDLE}.br`), brotliCompressSync(BUNDLE_TEXT));
    writeFileSync(path.join(dir, `${BUNDLE}.gz`), gzipSync(BUNDLE_TEXT));
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

  it('sends the precompressed twin the browser accepts, and says it varies on that', async () => {
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await app.inject({
        method: 'GET',
        url: `/${BUNDLE}`,
        headers: { 'accept-encoding': accept },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.rawPayload.length).toBeLessThan(BUNDLE_TEXT.length / 10);
    }
    const plain = await app.inject({ method: 'GET', url: `/${BUNDLE}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BUNDLE_TEXT);
  });

  it('keeps hashed bundles a year untouched, and has index.html and sw.js revalidated', async () => {
    for (const accept of ['br', 'identity']) {
      const bundle = await app.inject({
        method: 'GET',
        url: `/${BUNDLE}`,
        headers: { 'accept-encoding': accept },
      });
      expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    for (const url of ['/', '/index.html', '/sw.js', '/_expo/app.js']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const deep = await app.inject({
      method: 'GET',
      url: '/history/123',
      headers: { accept: 'text/html' },
    });
    expect(deep.headers['cache-control']).toBe('no-cache');
  });

  it('puts the security headers on pages, files, API answers and errors', async () => {
    const answers = [
      await app.inject({ method: 'GET', url: '/' }),
      await app.inject({ method: 'GET', url: `/${BUNDLE}` }),
      await app.inject({ method: 'GET', url: '/me' }),
      await app.inject({ method: 'GET', url: '/nothing', headers: { accept: 'application/json' } }),
    ];
    for (const res of answers) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("worker-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });
});

describe('cacheControlFor', () => {
  it.each([
    ['_expo/static/js/web/index-1f2e3d4c5b6a79881f2e3d4c5b6a7988.js', IMMUTABLE],
    ['_expo/static/js/web/index-1f2e3d4c5b6a79881f2e3d4c5b6a7988.js.br', IMMUTABLE],
    ['_expo/static/css/web-0123456789abcdef.css.gz', IMMUTABLE],
    ['assets/node_modules/x/back-icon.35ba0eaec5a4f5ed12ca16fabeae451d.png', IMMUTABLE],
    ['assets/__node_modules/x/close-icon.808e1b1b9b53114ec2838071a7e6daa7@3x.png', IMMUTABLE],
    ['index.html', REVALIDATE],
    ['index.html.br', REVALIDATE],
    ['sw.js', REVALIDATE],
    ['favicon.ico', REVALIDATE],
    ['_expo/static/js/web/index.js', REVALIDATE],
    ['other/app-0123456789abcdef0123.js', REVALIDATE],
  ])('%s → %s', (file, expected) => {
    expect(cacheControlFor(file)).toBe(expected);
  });
});
