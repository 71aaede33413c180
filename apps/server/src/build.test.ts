import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO_ACCOUNT } from '@sendlog/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnServer } from './testing/server-process.js';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const BUILT_MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const BUILT_CONTRACT = fileURLToPath(
  new URL('../dist/node_modules/@sendlog/contract/package.json', import.meta.url),
);

/**
 * Node ≥ 22.18 runs TypeScript files itself (type stripping): turn that off, so the test proves
 * the build needs no TypeScript at all, on every Node line the project supports.
 */
const NO_TYPESCRIPT = process.allowedNodeEnvironmentFlags.has('--experimental-strip-types')
  ? ['--no-experimental-strip-types']
  : [];

describe('npm run build, then plain node on the build', () => {
  beforeAll(async () => {
    await promisify(execFile)('npm', ['run', 'build'], { cwd: SERVER_DIR });
  }, 300_000);

  it('answers /health and signs in, with migrations and demo gym found from dist/', async () => {
    const server = await spawnServer({
      // Nothing inherited may load tsx (vitest's own NODE_OPTIONS included).
      env: { SENDLOG_DATA_DIR: 'memory://', NODE_OPTIONS: '' },
      nodeArgs: [...NO_TYPESCRIPT, BUILT_MAIN],
    });
    try {
      const health = await fetch(`${server.url}/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
      // The demo account exists: every migration ran and the demo gym was read from the build.
      const login = await fetch(`${server.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(DEMO_ACCOUNT),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const layouts = await fetch(`${server.url}/layouts`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await layouts.json()) as { layouts: unknown[] }).layouts.length).toBeGreaterThan(0);
      expect(server.child.spawnargs.join(' ')).not.toMatch(/tsx|\.ts\b/);
    } finally {
      await server.stop();
    }
  }, 180_000);

  it('carries the workspace packages as JavaScript, found before the TypeScript sources', () => {
    const contract = JSON.parse(readFileSync(BUILT_CONTRACT, 'utf8')) as { exports: unknown };
    expect(contract.exports).toEqual({ '.': { types: './index.d.ts', default: './index.js' } });
  });
});
